"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatSpan } from "@/lib/domain/burn-coverage.ts";
import type { RuleBurnChart } from "@/lib/views/slo-history.ts";
import { formatBurn, formatPercent, formatUtc } from "../format.ts";
import { axisTick, gridProps, tooltipStyle } from "../ui/chart-theme.ts";
import { ChartFigure } from "../ui/chart-figure.tsx";
import { ruleName } from "./rule-name.ts";
import h from "./slo-history.module.css";

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
const clock = (stepMs: number) => (t: number) => new Date(t).toISOString().slice(stepMs >= 3_600_000 ? 5 : 11, 16).replace("T", " ");

// One chart per rule of the burn-rate table: its long and short windows' burn against its rate. The rule
// fires while both lines are at or above the rate (and the low-traffic and coverage guards allow it). A
// square-root axis keeps 1× readable beside a full outage's hundreds.
function RuleChart({ rule, stepMs }: { rule: RuleBurnChart; stepMs: number }) {
  const data = rule.points.map((p) => ({ t: Date.parse(p.ts), long: round2(p.long), short: round2(p.short) }));
  const peak = Math.max(rule.burnRate * 1.5, ...data.map((d) => Math.max(d.long ?? 0, d.short ?? 0)));
  const tone = rule.severity === "page" ? "var(--bad)" : "var(--warn)";
  const name = `${rule.severity} · ${ruleName(rule)}`;
  const [long, short] = [formatSpan(rule.longWindowMs), formatSpan(rule.shortWindowMs)];
  return (
    <div className={h.rule}>
      <ChartFigure
        label={`Burn rate, ${name}`}
        description={`Burn over the last ${long} and the last ${short} at every step, against the ${formatBurn(rule.burnRate)} rate (${formatPercent(rule.budgetSpent, 0)} of the budget in ${long}).`}
        table={{
          caption: `Burn rate per step (UTC), rule ${name}`,
          columns: ["at", `${long} burn`, `${short} burn`],
          rows: rule.points.map((p) => [formatUtc(p.ts), formatBurn(p.long), formatBurn(p.short)]),
        }}
      >
        <h3>{rule.severity === "page" ? "Page" : "Ticket"}: {ruleName(rule)}</h3>
        <p>{formatPercent(rule.budgetSpent, 0)} of the budget spent within {long}, still burning over the last {short}</p>
        <LineChart accessibilityLayer={false} responsive style={{ width: "100%", height: 120 }} data={data} margin={{ top: 6, right: 8, bottom: 0, left: -14 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tick={axisTick} tickFormatter={clock(stepMs)} tickLine={false} />
          <YAxis scale="sqrt" domain={[0, Math.ceil(peak)]} ticks={[0, rule.burnRate, Math.ceil(peak)]} tick={axisTick} tickFormatter={(v: number) => `${v}×`} tickLine={false} />
          <ReferenceLine y={rule.burnRate} stroke={tone} strokeDasharray="4 3" label={{ value: `${formatBurn(rule.burnRate)} ${rule.severity}`, fill: tone, fontSize: 10, position: "insideTopRight" }} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(t) => formatUtc(new Date(Number(t)).toISOString())} formatter={(v, n) => [formatBurn(typeof v === "number" ? v : null), n]} />
          <Line type="linear" dataKey="short" name={`${short} burn`} stroke="var(--muted)" strokeWidth={1} dot={false} connectNulls={false} isAnimationActive={false} />
          <Line type="linear" dataKey="long" name={`${long} burn`} stroke="var(--accent)" strokeWidth={1.75} dot={false} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ChartFigure>
    </div>
  );
}

export function RuleBurnCharts({ rules, stepMs }: { rules: RuleBurnChart[]; stepMs: number }) {
  return (
    <>
      <div className={h.legend} aria-hidden="true">
        <span style={{ color: "var(--accent)" }}><span className={h.swatch} />long window</span>
        <span style={{ color: "var(--muted)" }}><span className={h.swatch} />short window</span>
        <span style={{ color: "var(--bad)" }}><span className={`${h.swatch} ${h.dashed}`} />page rate</span>
        <span style={{ color: "var(--warn)" }}><span className={`${h.swatch} ${h.dashed}`} />ticket rate</span>
      </div>
      <div className={h.rules}>
        {rules.map((r) => <RuleChart key={`${r.longWindowMs}-${r.shortWindowMs}`} rule={r} stepMs={stepMs} />)}
      </div>
    </>
  );
}
