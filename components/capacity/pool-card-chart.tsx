import type { CapacityPool } from "@/lib/views/capacity.ts";
import { bandPath } from "../charts/band-path.ts";
import { ChartLegend, type LegendItem } from "../charts/chart-legend.tsx";
import { HoverReadout } from "../charts/hover-readout.tsx";
import { fx, lineSegments, type PlotPoint } from "../charts/line-segments.ts";
import { PlotFrame } from "../charts/plot-frame.tsx";
import { PlotLabel } from "../charts/plot-label.tsx";
import { linearScale, niceTicks } from "../charts/scale.ts";
import { stepPath } from "../charts/step-path.ts";
import { timeTicks } from "../charts/time-ticks.ts";
import { formatUtc } from "../format.ts";
import { ChartFigure } from "../ui/chart-figure.tsx";
import { chartColors as c } from "../ui/chart-theme.ts";
import { capacityFigure, day, round2, show } from "./capacity-figure.ts";
import type { CapacityChartRow, Resource } from "./capacity-series.ts";

type Key = "allocatable" | "allocatableAhead" | "requests" | "usage" | "fit";
const LINES: { key: Key; color: string; dashed?: boolean; width: number }[] = [
  { key: "allocatable", color: c.axis, width: 1.5 },
  { key: "allocatableAhead", color: c.axis, dashed: true, width: 1 },
  { key: "requests", color: c.primary, width: 1.5 },
  { key: "usage", color: c.good, width: 1.2 },
  { key: "fit", color: c.caution, dashed: true, width: 1 },
];

// The node pool card's chart on the cockpit, as the detail page's CapacityChart draws it (allocatable as a step,
// requests, usage, the trend and its band, where it meets allocatable) but in plain SVG the server renders: the
// home page ships no charting library. Each hour names its figures when hovered.
export function PoolCardChart({ pool, resource, height = 150 }: { pool: CapacityPool; resource: Resource; height?: number }) {
  const { rows, trend, unit, crossing, table, label, description } = capacityFigure(pool, resource);
  const from = rows[0]?.t ?? 0;
  const to = rows.at(-1)?.t ?? 0;
  const x = (t: number) => (to > from ? (t - from) / (to - from) : 0.5);
  const top = Math.max(0, ...rows.flatMap((r) => [...LINES.map((l) => r[l.key] ?? 0), r.band?.[1] ?? 0]));
  const ticks = niceTicks(top, 3);
  const y = linearScale(ticks.at(-1)!);
  const line = (key: Key): PlotPoint[] => rows.flatMap((r) => (r[key] === undefined ? [] : [{ x: x(r.t), y: y(r[key]) }]));
  const band = rows.flatMap((r) => (r.band ? [{ x: x(r.t), low: y(r.band[0]), high: y(r.band[1]) }] : []));
  const legend: LegendItem[] = [
    { label: "allocatable", color: c.axis },
    { label: "requests", color: c.primary },
    { label: "usage p95", color: c.good },
    ...(trend ? [{ label: `${trend.basis} trend`, color: c.caution, dashed: true }] : []),
  ];
  // As on the detail page, the crossing is marked when the drawn trend reaches it.
  const meets = crossing !== null && crossing >= from && crossing <= to ? crossing : null;
  const overlay = (
    <>
      {meets ? (
        <PlotLabel x={x(meets)} y={1} align={x(meets) > 0.5 ? "end" : "start"} side="below" color={c.danger}>reaches allocatable ~{day(meets)}</PlotLabel>
      ) : null}
      <HoverReadout at={rows.map((r) => x(r.t))} texts={(i) => readingText(rows[i], unit)} />
    </>
  );
  return (
    <ChartFigure label={label} description={description} table={table}>
      <div data-testid="capacity-chart" data-resource={resource}>
        <PlotFrame
          height={height}
          gutter={40}
          yTicks={[...ticks].reverse().map((v, i) => ({ at: y(v), label: i === 0 ? `${round2(v)} ${unit}` : `${round2(v)}` }))}
          xTicks={timeTicks(from, to, 4)}
          overlay={overlay}
        >
          {band.length > 1 ? <path d={bandPath(band)} fill={c.band} fillOpacity={0.15} /> : null}
          {LINES.map((l) => {
            const points = line(l.key);
            const d = l.key === "allocatable" ? [stepPath(points)] : lineSegments(points);
            return d.filter(Boolean).map((p) => (
              <path key={`${l.key}:${p}`} d={p} fill="none" stroke={l.color} strokeWidth={l.width} strokeDasharray={l.dashed ? "4 3" : undefined} vectorEffect="non-scaling-stroke" />
            ));
          })}
          {meets ? <line x1={fx(x(meets))} x2={fx(x(meets))} y1={0} y2={100} stroke={c.danger} strokeDasharray="3 3" vectorEffect="non-scaling-stroke" /> : null}
        </PlotFrame>
        <ChartLegend items={legend} />
      </div>
    </ChartFigure>
  );
}

// What one reading says when hovered: its hour and every figure drawn there.
function readingText(row: CapacityChartRow, unit: string): string {
  const figures = [
    `allocatable ${show(row.allocatable ?? row.allocatableAhead, unit)}`,
    row.requests !== undefined ? `requests ${show(row.requests, unit)}` : null,
    row.usage !== undefined ? `usage p95 ${show(row.usage, unit)}` : null,
    row.fit !== undefined ? `trend ${show(row.fit, unit)} (${show(row.band, unit)})` : null,
  ].filter(Boolean);
  return `${formatUtc(new Date(row.t).toISOString())}: ${figures.join(" · ")}`;
}
