"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatDuration } from "../format.ts";
import { ChartFigure } from "../ui/chart-figure.tsx";
import { axisTick, tooltipStyle } from "../ui/chart-theme.ts";
import type { MttxPoint } from "./mttx-series.ts";

const SERIES = [
  { key: "p50", name: "p50", color: "#3fb950" },
  { key: "mean", name: "mean", color: "#58a6ff" },
  { key: "p90", name: "p90", color: "#d29922" },
] as const;

const margin = { top: 6, right: 10, bottom: 0, left: -10 };
const style = { width: "100%", height: 180 };

// Weeks are a trend (lines); services and severities are categories side by side (bars). Minutes.
export function MttrChart({ points, trend }: { points: MttxPoint[]; trend: boolean }) {
  const axes = (
    <>
      <CartesianGrid stroke="#263241" strokeDasharray="2 4" vertical={false} />
      <XAxis dataKey="label" tick={axisTick} tickLine={false} />
      <YAxis tick={axisTick} tickLine={false} tickFormatter={(v: number) => `${v}m`} />
      <Tooltip
        contentStyle={tooltipStyle}
        labelFormatter={(l) => (trend ? `week of ${l}` : String(l))}
        formatter={(v, name) => [formatDuration((typeof v === "number" ? v : 0) * 60), name]}
      />
      <Legend wrapperStyle={{ fontSize: 11 }} />
    </>
  );
  const table = {
    caption: "Minutes per group: p50, mean and p90",
    columns: [trend ? "week of" : "group", "incidents", ...SERIES.map((l) => l.name)],
    rows: points.map((p) => [p.label, p.incidents, ...SERIES.map((l) => formatDuration(p[l.key] * 60))]),
  };
  return (
    <ChartFigure label={trend ? "The chosen MTTx measure per week" : "The chosen MTTx measure per group"} table={table}>
    <div data-testid="mttr-chart">
      {trend ? (
        <LineChart accessibilityLayer={false} responsive style={style} data={points} margin={margin}>
          {axes}
          {SERIES.map((l) => (
            <Line key={l.key} type="monotone" dataKey={l.key} name={l.name} stroke={l.color} strokeWidth={1.5} dot={{ r: 2 }} isAnimationActive={false} />
          ))}
        </LineChart>
      ) : (
        <BarChart accessibilityLayer={false} responsive style={style} data={points} margin={margin}>
          {axes}
          {SERIES.map((l) => <Bar key={l.key} dataKey={l.key} name={l.name} fill={l.color} isAnimationActive={false} />)}
        </BarChart>
      )}
    </div>
    </ChartFigure>
  );
}
