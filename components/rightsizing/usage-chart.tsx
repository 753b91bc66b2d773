"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { UsageBucket } from "@/lib/domain/usage-history.ts";
import { ChartFigure } from "../ui/chart-figure.tsx";
import { axisTick, chartColors as c, gridProps, tooltipStyle } from "../ui/chart-theme.ts";
import { timeTick, usageSeries } from "./usage-series.ts";

export type Marker = { label: string; value: number; color: string; dashed?: boolean };

const LINES = {
  cpu: [
    { key: "cpuP50", name: "p50", color: c.good },
    { key: "cpuP95", name: "p95", color: c.primary },
    { key: "cpuMax", name: "max", color: c.caution },
  ],
  memory: [
    { key: "memP50", name: "p50", color: c.good },
    { key: "memP95", name: "p95", color: c.primary },
    { key: "memMax", name: "max", color: c.caution },
  ],
} as const;

// One resource's usage per 5-minute bucket (p50, p95, max of the bucket's samples), with today's
// request and each suggestion drawn across it, so a suggestion can be checked against the peaks.
export function UsageChart({ points, resource, markers }: { points: UsageBucket[]; resource: "cpu" | "memory"; markers: Marker[] }) {
  const data = usageSeries(points);
  const span = points.length ? points[points.length - 1].start - points[0].start : 0;
  const unit = resource === "cpu" ? "m" : " MiB";
  const tick = timeTick(span);
  const name = resource === "cpu" ? "CPU" : "Memory";
  const lines = LINES[resource];
  const table = {
    caption: `${name} usage per 5-minute bucket (${unit.trim()})`,
    columns: ["bucket start (UTC)", ...lines.map((l) => l.name)],
    rows: data.map((d) => [new Date(d.t).toISOString().slice(0, 16).replace("T", " "), ...lines.map((l) => `${d[l.key]}${unit}`)]),
  };
  const description = markers.map((m) => `${m.label}: ${m.value}${unit}`).join(" · ");
  return (
    <ChartFigure label={`${name} usage per 5-minute bucket`} description={description || undefined} table={table}>
      <div data-testid={`usage-chart-${resource}`}>
        <LineChart accessibilityLayer={false} responsive style={{ width: "100%", height: 240 }} data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tick={axisTick} tickLine={false} tickFormatter={tick} />
          <YAxis tick={axisTick} tickLine={false} width={56} tickFormatter={(v: number) => `${v}${unit}`} />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(t) => `${new Date(Number(t)).toISOString().slice(0, 16).replace("T", " ")} UTC (5-minute bucket)`}
            formatter={(v, name) => [`${typeof v === "number" ? v : "–"}${unit}`, name]}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {LINES[resource].map((l) => (
            <Line key={l.key} type="linear" dataKey={l.key} name={l.name} stroke={l.color} strokeWidth={1.2} dot={false} isAnimationActive={false} />
          ))}
          {markers.map((m) => (
            <ReferenceLine
              key={m.label}
              y={m.value}
              stroke={m.color}
              strokeDasharray={m.dashed ? "6 4" : undefined}
              ifOverflow="extendDomain"
              label={{ value: `${m.label} ${m.value}${unit}`, position: "insideTopRight", fill: m.color, fontSize: 10 }}
            />
          ))}
        </LineChart>
      </div>
    </ChartFigure>
  );
}
