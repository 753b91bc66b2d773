"use client";

import Link from "next/link";
import { useState } from "react";
import type { MttxRow } from "@/lib/views/mttx.ts";
import { formatDuration } from "../format.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import c from "../ui/controls.module.css";
import { MttrChart } from "./mttr-chart.tsx";
import {
  GROUPING_DEFINITIONS, GROUPING_LABELS, METRIC_DEFINITIONS, METRIC_LABELS, mttxSeries, type MttxGrouping, type MttxMetric,
} from "./mttx-series.ts";

const METRICS: MttxMetric[] = ["mttr", "mttd", "mtta"];
const GROUPINGS: MttxGrouping[] = ["week", "service", "severity"];

function Choice<T extends string>({ label, value, options, labels, onChange }: { label: string; value: T; options: T[]; labels: Record<T, string>; onChange: (v: T) => void }) {
  return (
    <span role="radiogroup" aria-label={label} style={{ display: "inline-flex", gap: 4, marginRight: 12 }}>
      {options.map((o) => (
        <button key={o} type="button" role="radio" aria-checked={o === value} className={c.toggle} onClick={() => onChange(o)}>
          {labels[o]}
        </button>
      ))}
    </span>
  );
}

// MTTD, MTTA and MTTR from the analyzer's table; MTTR per week first, as SREs usually open it.
// `services`: how many services have figures in the scope; the rows carry those with the most incidents.
export function MttxPanel({ rows, services }: { rows: MttxRow[]; services: number }) {
  const [metric, setMetric] = useState<MttxMetric>("mttr");
  const [grouping, setGrouping] = useState<MttxGrouping>("week");
  const points = mttxSeries(rows, metric, grouping);
  const shownServices = new Set(rows.filter((r) => r.grouping === "service").map((r) => r.groupKey)).size;
  const servicesNote = grouping === "service" && services > shownServices ? ` (the ${shownServices} services with the most incidents, of ${services})` : "";
  const last = grouping === "week" ? rows.filter((r) => r.metric === metric && r.grouping === "week").at(-1) : undefined;
  return (
    <Panel
      title="MTTx: MTTD · MTTA · MTTR trend"
      id="mttx"
      aside={last ? `last week: ${last.incidents} incidents · p50 ${formatDuration(last.p50Seconds)} · p90 ${formatDuration(last.p90Seconds)}` : undefined}
    >
      <div style={{ marginBottom: 6 }}>
        <Choice label="metric" value={metric} options={METRICS} labels={METRIC_LABELS} onChange={setMetric} />
        <Choice label="grouping" value={grouping} options={GROUPINGS} labels={GROUPING_LABELS} onChange={setGrouping} />
      </div>
      {points.length === 0 ? (
        <Empty>No incident has a {METRIC_LABELS[metric]} yet in the last 12 weeks, so there is nothing to chart.</Empty>
      ) : (
        <MttrChart points={points} trend={grouping === "week"} />
      )}
      <p className={s.definition}>
        {METRIC_DEFINITIONS[metric]} {GROUPING_DEFINITIONS[grouping]}{servicesNote}, in minutes. p50 and p90 are shown beside the mean because one long incident skews it; cancelled incidents are left out.{" "}
        <Link href="/mttx">The incidents behind these figures →</Link>
      </p>
    </Panel>
  );
}
