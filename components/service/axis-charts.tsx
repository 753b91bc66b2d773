"use client";

import { Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { ServiceAxis } from "@/lib/views/service.ts";
import { formatBurn, formatUtcSeconds } from "../format.ts";
import { ChartFigure } from "../ui/chart-figure.tsx";
import { chartColors, tooltipStyle } from "../ui/chart-theme.ts";
import a from "./service.module.css";

// Replica health and SLO burn under the axis's lanes, on the same range and width, so a dip lines up with
// the change above it. Y axes are hidden to keep the x range aligned with the lanes; the lane label says
// what is drawn and the table equivalent carries the numbers.

const BURN_COLORS = [chartColors.primary, chartColors.violet, chartColors.pink];
const clock = (t: number) => `${formatUtcSeconds(new Date(t).toISOString())} UTC`;

export function AxisCharts({ axis }: { axis: ServiceAxis }) {
  const domain: [number, number] = [Date.parse(axis.from), Date.parse(axis.to)];
  const replicas = axis.replicas.map((p) => ({ t: Date.parse(p.at), ready: p.ready, desired: p.desired }));
  const last = axis.replicas.at(-1);
  const top = Math.max(1, ...replicas.map((p) => Math.max(p.ready, p.desired)));
  // One row per bucket, one column per SLO (keyed by its id), as Recharts draws several lines.
  const burnRows = new Map<number, Record<string, number | null>>();
  for (const s of axis.burn) for (const p of s.points) burnRows.set(Date.parse(p.at), { ...burnRows.get(Date.parse(p.at)), [s.sloId]: p.burn });
  const burn: Record<string, number | null>[] = [...burnRows.entries()].sort(([x], [y]) => x - y).map(([t, v]) => ({ ...v, t }));
  const peak = Math.max(16, ...axis.burn.flatMap((s) => s.points.map((p) => p.burn ?? 0)));
  return (
    <>
      <span className={a.laneLabel}>Replicas ready<b>{last ? `${last.ready}/${last.desired}` : "–"}</b></span>
      <div className={a.chartCell}>
        <ChartFigure
          label="Replica health: ready of desired"
          table={{ caption: "Replica counts as the workload reported them", columns: ["from (UTC)", "ready", "available", "desired"], rows: axis.replicas.map((p) => [formatUtcSeconds(p.at), p.ready, p.available, p.desired]) }}
        >
          <LineChart accessibilityLayer={false} responsive style={{ width: "100%", height: 52 }} data={replicas} margin={{ top: 4, right: 0, bottom: 0, left: 0 }}>
            <XAxis dataKey="t" type="number" domain={domain} hide allowDataOverflow />
            <YAxis domain={[0, top]} hide />
            <Tooltip contentStyle={tooltipStyle} labelFormatter={(t) => clock(Number(t))} />
            <Line type="stepAfter" dataKey="desired" stroke={chartColors.axis} strokeDasharray="4 3" dot={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="ready" stroke={chartColors.good} strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ChartFigure>
      </div>
      {axis.burn.length > 0 ? (
        <>
          <span className={a.laneLabel}>SLO burn<b>{axis.burn.map((s) => s.name).join(", ")}</b></span>
          <div className={a.chartCell}>
            <ChartFigure
              label="SLO burn rate"
              description={`Per ${Math.round(axis.bucketMs / 60_000)} min; 1× spends the budget exactly over the SLO window, 14.4× pages.`}
              table={{
                caption: "Burn rate per bucket and SLO",
                columns: ["from (UTC)", ...axis.burn.map((s) => s.name)],
                rows: burn.filter((r) => axis.burn.some((s) => r[s.sloId] !== null)).map((r) => [clock(r.t ?? 0), ...axis.burn.map((s) => formatBurn(r[s.sloId] ?? null))]),
              }}
            >
              <LineChart accessibilityLayer={false} responsive style={{ width: "100%", height: 60 }} data={burn} margin={{ top: 4, right: 0, bottom: 0, left: 0 }}>
                <XAxis dataKey="t" type="number" domain={domain} hide allowDataOverflow />
                <YAxis scale="sqrt" domain={[0, peak]} hide />
                <ReferenceLine y={1} stroke={chartColors.axis} strokeDasharray="4 3" />
                <ReferenceLine y={14.4} stroke={chartColors.danger} strokeDasharray="4 3" />
                <Tooltip contentStyle={tooltipStyle} labelFormatter={(t) => clock(Number(t))} formatter={(v) => formatBurn(typeof v === "number" ? v : null)} />
                {axis.burn.map((s, i) => (
                  <Line key={s.sloId} name={s.name} type="stepAfter" dataKey={s.sloId} stroke={BURN_COLORS[i % BURN_COLORS.length]} dot={false} connectNulls={false} isAnimationActive={false} />
                ))}
              </LineChart>
            </ChartFigure>
          </div>
        </>
      ) : null}
    </>
  );
}
