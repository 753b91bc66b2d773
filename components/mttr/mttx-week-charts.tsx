"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ReferenceArea, Tooltip, XAxis, YAxis } from "recharts";
import type { MttxFigure, MttxWeek } from "@/lib/domain/mttx-weeks.ts";
import { MTTX_METRICS, type MttxMetric } from "@/lib/domain/mttx.ts";
import { formatDuration } from "../format.ts";
import { axisTick, gridProps, tooltipStyle } from "../ui/chart-theme.ts";
import { ChartFigure } from "../ui/chart-figure.tsx";
import { METRIC_DEFINITIONS, METRIC_LABELS } from "./mttx-series.ts";
import { WeekSelector } from "./week-selector.tsx";
import m from "./mttx.module.css";

const SERIES = [
  { key: "p50", name: "p50", color: "var(--ok)" },
  { key: "mean", name: "mean", color: "var(--accent)" },
  { key: "p90", name: "p90", color: "var(--warn)" },
] as const;

const label = (weekStart: number) => new Date(weekStart).toISOString().slice(5, 10);
// Each chart in the unit its figures read best in: seconds for detection, minutes or hours for repairs.
const UNITS = [{ seconds: 1, suffix: "s", name: "seconds" }, { seconds: 60, suffix: "m", name: "minutes" }, { seconds: 3600, suffix: "h", name: "hours" }] as const;
const unitFor = (maxSeconds: number) => UNITS[maxSeconds < 120 ? 0 : maxSeconds < 3 * 3600 ? 1 : 2];
const inUnit = (s: number | undefined, per: number) => (s === undefined ? null : Math.round((s / per) * 100) / 100);
const cell = (f: MttxFigure | null, k: "meanSeconds" | "p50Seconds" | "p90Seconds") => (f ? formatDuration(f[k]) : "–");
// Incidents counted by any metric that week (each metric may count fewer: see its definition).
const busiest = (w: MttxWeek) => Math.max(0, ...MTTX_METRICS.map((k) => w.figures[k]?.incidents ?? 0));

function MetricChart({ metric, weeks, selected, onSelect }: { metric: MttxMetric; weeks: MttxWeek[]; selected: number; onSelect: (w: number) => void }) {
  const unit = unitFor(Math.max(0, ...weeks.map((w) => w.figures[metric]?.p90Seconds ?? 0)));
  const at = (w: MttxWeek, k: "meanSeconds" | "p50Seconds" | "p90Seconds") => inUnit(w.figures[metric]?.[k], unit.seconds);
  const data = weeks.map((w) => ({ label: label(w.weekStart), mean: at(w, "meanSeconds"), p50: at(w, "p50Seconds"), p90: at(w, "p90Seconds") }));
  const name = METRIC_LABELS[metric];
  const empty = weeks.every((w) => w.figures[metric] === null);
  return (
    <ChartFigure
      label={`${name} per week`}
      description={`${METRIC_DEFINITIONS[metric]} p50, mean and p90 per ISO week, in ${unit.name}; a week without a bar had no incident with a ${name}.`}
      table={{
        caption: `${name} per week (UTC Monday)`,
        columns: ["week", "incidents", "p50", "mean", "p90"],
        rows: weeks.map((w) => [label(w.weekStart), String(w.figures[metric]?.incidents ?? 0), cell(w.figures[metric], "p50Seconds"), cell(w.figures[metric], "meanSeconds"), cell(w.figures[metric], "p90Seconds")]),
      }}
    >
      <h3 className={m.chartTitle}>{name}</h3>
      <div className={m.chart}>
      {empty ? <p className={m.none}>No incident with a {name} in these 12 weeks.</p> : null}
      <BarChart
        accessibilityLayer={false}
        responsive
        style={{ width: "100%", height: 170, cursor: "pointer" }}
        data={data}
        margin={{ top: 6, right: 6, bottom: 0, left: -14 }}
        onClick={(state) => {
          const i = Number(state?.activeTooltipIndex);
          if (Number.isInteger(i) && weeks[i]) onSelect(weeks[i].weekStart);
        }}
      >
        <CartesianGrid {...gridProps} />
        <ReferenceArea x1={label(selected)} x2={label(selected)} fill="var(--accent)" fillOpacity={0.12} />
        <XAxis dataKey="label" tick={axisTick} tickLine={false} interval={1} />
        <YAxis tick={axisTick} tickLine={false} tickFormatter={(v: number) => `${v}${unit.suffix}`} />
        <Tooltip contentStyle={tooltipStyle} labelFormatter={(l) => `week of ${l}`} formatter={(v, n) => [typeof v === "number" ? formatDuration(v * unit.seconds) : "–", n]} />
        {SERIES.map((s) => <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />)}
      </BarChart>
      </div>
    </ChartFigure>
  );
}

// MTTD, MTTA and MTTR over the last twelve weeks side by side; choosing a week (a bar, or the week
// buttons) lists the incidents behind its figures below, the week kept in the URL.
export function MttxWeekCharts({ weeks, selected }: { weeks: MttxWeek[]; selected: number }) {
  const router = useRouter();
  const select = (weekStart: number) => router.push(`/mttx?week=${new Date(weekStart).toISOString().slice(0, 10)}#week`, { scroll: false });
  return (
    <>
      <div className={m.legend} aria-hidden="true">
        {SERIES.map((s) => <span key={s.key} style={{ color: s.color }}><span className={m.swatch} />{s.name}</span>)}
      </div>
      <div className={m.charts}>
        {MTTX_METRICS.map((metric) => <MetricChart key={metric} metric={metric} weeks={weeks} selected={selected} onSelect={select} />)}
      </div>
      <WeekSelector weeks={weeks.map((w) => ({ weekStart: w.weekStart, incidents: busiest(w) }))} selected={selected} onSelect={select} />
    </>
  );
}
