"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { HourlyBurnPoint } from "@/lib/views/slo.ts";
import { burnSeries, formatBurn } from "../format.ts";
import { ChartFigure } from "../ui/chart-figure.tsx";
import { axisTick, tooltipStyle } from "../ui/chart-theme.ts";

// A square-root axis keeps 1× and 14.4× readable next to a full-outage hour (1000× at 99.9 %). Such an
// hour squeezes the two lines a few pixels apart, so their labels sit at opposite ends and never overlap,
// and the axis names the peak so the squeeze is not mistaken for a calm chart.
export function BurnChart({ points }: { points: HourlyBurnPoint[] }) {
  const data = burnSeries(points);
  const peak = Math.max(16, ...data.map((d) => d.burn ?? 0));
  const ticks = peak > 60 ? [0, 1, 14.4, Math.floor(peak)] : [0, 1, 6, 14.4];
  const table = { caption: "Burn rate per hour (UTC)", columns: ["hour (UTC)", "burn"], rows: data.map((d) => [d.label, formatBurn(d.burn)]) };
  return (
    <ChartFigure label="Hourly burn rate, last 24 hours" table={table}>
    <LineChart accessibilityLayer={false} responsive style={{ width: "100%", height: 110 }} data={data} margin={{ top: 6, right: 8, bottom: 0, left: -14 }}>
      <CartesianGrid stroke="#263241" strokeDasharray="2 4" vertical={false} />
      <XAxis dataKey="label" tick={axisTick} interval={5} tickLine={false} />
      <YAxis scale="sqrt" domain={[0, peak]} ticks={ticks} tick={axisTick} tickFormatter={(v: number) => `${v}×`} tickLine={false} />
      <ReferenceLine y={1} stroke="#8b9bb0" strokeDasharray="4 3" label={{ value: "1× sustainable", fill: "#8b9bb0", fontSize: 10, position: "insideBottomLeft" }} />
      <ReferenceLine y={14.4} stroke="#f85149" strokeDasharray="4 3" label={{ value: "14.4× page", fill: "#f85149", fontSize: 10, position: "insideTopRight" }} />
      <Tooltip contentStyle={tooltipStyle} formatter={(v) => [formatBurn(typeof v === "number" ? v : null), "burn"]} labelFormatter={(l) => `${l} UTC`} />
      <Line type="linear" dataKey="burn" stroke="#58a6ff" strokeWidth={1.5} dot={false} connectNulls={false} isAnimationActive={false} />
    </LineChart>
    </ChartFigure>
  );
}
