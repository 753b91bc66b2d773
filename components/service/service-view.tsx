"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { serviceApiPath, serviceLabel } from "@/lib/domain/service-ref.ts";
import { serviceStory } from "@/lib/domain/service-story.ts";
import { windowParams, windowQuery, type AxisWindow } from "@/lib/domain/service-window.ts";
import type { ServiceAxis, ServiceMark, ServicePage } from "@/lib/views/service.ts";
import { getJson } from "../api/api-client.ts";
import { queryKeys } from "../api/query-keys.ts";
import { formatUtcSeconds } from "../format.ts";
import { Badge } from "../ui/badge.tsx";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { MarkDetail } from "./mark-detail.tsx";
import { ServiceAxisView } from "./service-axis.tsx";
import { ServiceLogsView } from "./service-logs.tsx";
import { ServiceGuardrails, ServiceRightsizing, ServiceSlos } from "./service-related.tsx";
import a from "./service.module.css";

type Found = Extract<ServicePage, { kind: "found" }>;

// The visible range lives in the URL (`from`, `to`): each zoom or pan is a history entry, so the back
// button undoes it and the address can be shared. Without both, the page shows the range it was served.
function useAxisWindow(initial: ServiceAxis): [AxisWindow, (w: AxisWindow | null) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const q = windowQuery.safeParse({ from: params.get("from") ?? undefined, to: params.get("to") ?? undefined });
  const current = q.success && q.data.from !== undefined && q.data.to !== undefined ? { from: q.data.from, to: q.data.to } : { from: Date.parse(initial.from), to: Date.parse(initial.to) };
  const go = (w: AxisWindow | null) => {
    const next = new URLSearchParams(params);
    next.delete("from");
    next.delete("to");
    if (w) for (const [k, v] of Object.entries(windowParams(w))) next.set(k, v);
    const search = next.toString();
    window.history.pushState(null, "", search ? `${pathname}?${search}` : pathname);
  };
  return [current, go];
}

export function ServiceView({ page }: { page: Found }) {
  const api = serviceApiPath(page.ref);
  const [w, setWindow] = useAxisWindow(page.axis);
  const range = windowParams(w);
  const served = windowParams({ from: Date.parse(page.axis.from), to: Date.parse(page.axis.to) });
  const isServed = range.from === served.from && range.to === served.to;
  const axisQuery = useQuery({
    queryKey: queryKeys.serviceAxis(api, range.from, range.to),
    queryFn: () => getJson<ServiceAxis>(`${api}?${new URLSearchParams(range)}`),
    initialData: isServed ? page.axis : undefined,
    placeholderData: keepPreviousData,
  });
  const axis = axisQuery.data ?? page.axis;
  const [selected, setSelected] = useState<ServiceMark | null>(null);
  const [moment, setMoment] = useState<string | null>(null);
  const story = serviceStory(axis);
  const select = (m: ServiceMark) => {
    setSelected(m);
    setMoment(m.at);
  };
  const { workload, ref } = page;

  return (
    <div className={s.page}>
      <h1 className={a.title}>{ref.name}</h1>
      <div className={a.facts} data-testid="service-facts">
        <span>{serviceLabel(ref)}</span>
        <span>replicas ready <b>{workload.ready}/{workload.desired}</b></span>
        {workload.revision ? <span>revision <b>{workload.revision}</b></span> : null}
        {workload.images.map((i) => <span key={i.container}>{i.container} <b className={s.mono}>{i.image}</b></span>)}
        {workload.deleted ? <Badge tone="neutral">deleted</Badge> : null}
        <span>as of {formatUtcSeconds(page.asOf)} UTC</span>
      </div>
      <Panel title="What changed, and what happened" id="service-axis">
        <p className={a.story} data-testid="service-story">{story.sentence}</p>
        {axisQuery.isError ? <p className={s.notice} role="alert">This range could not be read: {axisQuery.error.message}</p> : null}
        <ServiceAxisView
          axis={axis}
          asOf={page.asOf}
          selectedId={selected?.id ?? null}
          moment={moment}
          loading={axisQuery.isFetching && axisQuery.isPlaceholderData}
          onWindow={setWindow}
          onSelect={select}
          onMoment={(t) => {
            setSelected(null);
            setMoment(new Date(t).toISOString());
          }}
          onReset={() => setWindow(null)}
        />
      </Panel>
      <div className={a.layout} style={{ marginTop: 14 }}>
        <div style={{ display: "grid", gap: 14 }}>
          <Panel title={selected ? "Selected" : "Select a mark"} id="service-selected">
            {selected ? <MarkDetail mark={selected} /> : <Empty>Click a change, incident, restart or event on the axis to see what it was.</Empty>}
          </Panel>
          <Panel title={moment ? `Logs around ${formatUtcSeconds(moment)} UTC` : "Logs"} id="service-logs">
            {moment ? <ServiceLogsView api={api} moment={moment} /> : <Empty>Click a moment on the axis (or a mark) to read the containers&apos; logs from five minutes before to five after.</Empty>}
          </Panel>
        </div>
        <div style={{ display: "grid", gap: 14 }}>
          <ServiceSlos slos={page.slos} />
          <ServiceRightsizing rows={page.recommendations} />
          <ServiceGuardrails findings={page.findings} />
        </div>
      </div>
    </div>
  );
}
