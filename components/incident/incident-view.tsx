"use client";

import Link from "next/link";
import type { IncidentDetail } from "@/lib/db/queries/types.ts";
import { formatDuration, formatUtc } from "../format.ts";
import { Badge, severityTone, statusTone } from "../ui/badge.tsx";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { Timeline } from "../timeline/timeline-entry.tsx";
import { ExplainWithAi } from "./explain-with-ai.tsx";
import { LifecycleControls } from "./lifecycle-controls.tsx";
import { ProbableCauses } from "./probable-causes.tsx";
import { useIncident } from "./use-incident.ts";

// `canRespond`: the signed-in person may change the incident (responders and admins); `aiEnabled`: an
// LLM endpoint is configured to explain it.
export function IncidentView({ initialData, canRespond, aiEnabled = false }: { initialData: IncidentDetail; canRespond: boolean; aiEnabled?: boolean }) {
  const { data, error } = useIncident(initialData);
  const { incident: i, timeline, causes, related } = data;
  return (
    <main className={s.page}>
      <p className={s.back}><Link href="/">← Cockpit</Link></p>
      {error ? <p className={s.notice} role="status">Live updates paused ({error.message}); Uptrust retries shortly.</p> : null}
      <div style={{ display: "flex", alignItems: "center", gap: 10, flexWrap: "wrap" }}>
        <h1 style={{ fontSize: 20, margin: "4px 0" }}>{i.title}</h1>
        <Badge tone={severityTone(i.severity)}>{i.severity}</Badge>
        <Badge tone={statusTone(i.status)}>{i.status}</Badge>
      </div>
      {i.summary ? <p className={s.explain}>{i.summary}</p> : null}
      <dl className={`${s.dl} ${s.num}`} style={{ margin: "10px 0 16px" }}>
        <dt>workload</dt><dd>{i.workload ? `${i.workload.namespace}/${i.workload.name} (${i.workload.kind})` : "–"} · {i.cluster}</dd>
        <dt>reason</dt><dd>{i.reason}</dd>
        {i.occurrences.count > 1 ? (
          <>
            <dt>occurred</dt>
            <dd data-testid="occurrences">{i.occurrences.count} times · first {formatUtc(i.occurrences.firstAt)} · last {formatUtc(i.occurrences.lastAt)}</dd>
          </>
        ) : null}
        <dt>started</dt><dd>{formatUtc(i.startedAt)}</dd>
        <dt>detected</dt><dd>{formatUtc(i.detectedAt)} <span className={s.muted}>({formatDuration((Date.parse(i.detectedAt) - Date.parse(i.startedAt)) / 1000)} after the first signal)</span></dd>
        <dt>acknowledged</dt><dd>{i.acknowledgedAt ? formatUtc(i.acknowledgedAt) : "not yet"}</dd>
        <dt>mitigated</dt><dd>{i.mitigatedAt ? formatUtc(i.mitigatedAt) : "not yet"}</dd>
        <dt>resolved</dt><dd>{i.resolvedAt ? formatUtc(i.resolvedAt) : "not yet"}</dd>
        <dt>owner</dt><dd>{i.owner ?? "nobody yet"}</dd>
        <dt>{i.active ? "open for" : "time to resolve"}</dt><dd><b>{formatDuration(i.durationSeconds)}</b></dd>
      </dl>
      <p className={s.back}><Link href={`/incidents/${i.id}/postmortem`}>Postmortem draft →</Link></p>
      {canRespond ? <LifecycleControls key={`${i.status}-${i.severity}-${i.owner ?? ""}`} incident={i} /> : null}
      <ProbableCauses causes={causes} related={related} />
      {aiEnabled ? <ExplainWithAi incidentId={i.id} /> : null}
      <Panel title="Timeline" aside={`${timeline.length} entries · times in UTC`}>
        {timeline.length === 0 ? (
          <Empty>No timeline entries yet: the analyzer attaches changes, events and logs around the incident as it finds them.</Empty>
        ) : (
          <Timeline entries={timeline} full />
        )}
      </Panel>
    </main>
  );
}
