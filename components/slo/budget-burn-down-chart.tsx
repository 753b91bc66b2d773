"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { BurnDownPointView } from "@/lib/views/slo-history.ts";
import { formatPercent, formatUtc } from "../format.ts";
import { axisTick, gridProps, tooltipStyle } from "../ui/chart-theme.ts";
import { ChartFigure } from "../ui/chart-figure.tsx";
import h from "./slo-history.module.css";

const pct = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 100);
const tickOf = (stepMs: number) => (t: number) => (stepMs >= 86_400_000 ? new Date(t).toISOString().slice(5, 10) : new Date(t).toISOString().slice(11, 16));

// The budget left after every step of the window (from 100 % at its start) beside the straight line of
// even spend: below the line the window spends faster than it can afford.
export function BudgetBurnDownChart({ points, stepMs, windowEnd }: { points: BurnDownPointView[]; stepMs: number; windowEnd: string }) {
  const data = points.map((p) => ({ t: Date.parse(p.ts), remaining: pct(p.remaining), ideal: pct(p.ideal) }));
  const low = Math.min(0, ...data.map((d) => d.remaining ?? 0));
  const last = points.filter((p) => p.remaining !== null).at(-1);
  const step = stepMs >= 86_400_000 ? "day" : "hour";
  return (
    <ChartFigure
      label="Error budget burn-down"
      description={`Budget left at the end of every ${step} of the window, from 100 % at its start, beside the even-spend line that reaches 0 when the window ends (${formatUtc(windowEnd)}). Now: ${last ? formatPercent(last.remaining!) : "–"} left.`}
      table={{
        caption: `Error budget left per ${step} (UTC)`,
        columns: [step === "day" ? "day" : "hour", "budget left", "even spend"],
        rows: points.map((p) => [formatUtc(p.ts), p.remaining === null ? "–" : formatPercent(p.remaining), formatPercent(p.ideal)]),
      }}
    >
      <div className={h.legend} aria-hidden="true">
        <span style={{ color: "var(--accent)" }}><span className={h.swatch} />budget left</span>
        <span style={{ color: "var(--muted)" }}><span className={`${h.swatch} ${h.dashed}`} />even spend</span>
      </div>
      <LineChart accessibilityLayer={false} responsive style={{ width: "100%", height: 200 }} data={data} margin={{ top: 6, right: 12, bottom: 0, left: -8 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tick={axisTick} tickFormatter={tickOf(stepMs)} tickLine={false} />
        <YAxis domain={[low, 100]} tick={axisTick} tickFormatter={(v: number) => `${v}%`} tickLine={false} />
        <ReferenceLine y={0} stroke="var(--bad)" strokeDasharray="4 3" />
        <Tooltip contentStyle={tooltipStyle} labelFormatter={(t) => formatUtc(new Date(Number(t)).toISOString())} formatter={(v, name) => [v === null ? "–" : `${v} %`, name]} />
        <Line type="linear" dataKey="ideal" name="even spend" stroke="var(--muted)" strokeDasharray="5 4" strokeWidth={1} dot={false} isAnimationActive={false} />
        <Line type="linear" dataKey="remaining" name="budget left" stroke="var(--accent)" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </ChartFigure>
  );
}
