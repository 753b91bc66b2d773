"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { MttrPoint } from "@/lib/db/queries/types.ts";
import { formatDuration, mttrSeries } from "../format.ts";
import { axisTick, tooltipStyle } from "../ui/chart-theme.ts";

const LINES = [
  { key: "p50", name: "p50", color: "#3fb950" },
  { key: "mean", name: "mean", color: "#58a6ff" },
  { key: "p90", name: "p90", color: "#d29922" },
] as const;

export function MttrChart({ weeks }: { weeks: MttrPoint[] }) {
  const data = mttrSeries(weeks);
  return (
    <div data-testid="mttr-chart">
      <LineChart responsive style={{ width: "100%", height: 180 }} data={data} margin={{ top: 6, right: 10, bottom: 0, left: -10 }}>
        <CartesianGrid stroke="#263241" strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="week" tick={axisTick} tickLine={false} />
        <YAxis tick={axisTick} tickLine={false} tickFormatter={(v: number) => `${v}m`} />
        <Tooltip
          contentStyle={tooltipStyle}
          labelFormatter={(l) => `week of ${l}`}
          formatter={(v, name) => [formatDuration((typeof v === "number" ? v : 0) * 60), name]}
        />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {LINES.map((l) => (
          <Line key={l.key} type="monotone" dataKey={l.key} name={l.name} stroke={l.color} strokeWidth={1.5} dot={{ r: 2 }} isAnimationActive={false} />
        ))}
      </LineChart>
    </div>
  );
}
