import { thinLabels } from "../charts/axis-tick.ts";
import { ChartLegend } from "../charts/chart-legend.tsx";
import { Dot } from "../charts/dot.tsx";
import { fx, fy, lineSegments } from "../charts/line-segments.ts";
import { PlotFrame } from "../charts/plot-frame.tsx";
import { bandCenter, linearScale, niceTicks } from "../charts/scale.ts";
import { formatDuration } from "../format.ts";
import { ChartFigure } from "../ui/chart-figure.tsx";
import { chartColors } from "../ui/chart-theme.ts";
import type { MttxPoint } from "./mttx-series.ts";

const SERIES = [
  { key: "p50", name: "p50", color: chartColors.series[0] },
  { key: "mean", name: "mean", color: chartColors.series[1] },
  { key: "p90", name: "p90", color: chartColors.series[2] },
] as const;

const HEIGHT = 160;
// Share of each group's band the three bars fill together.
const BARS_FILL = 0.7;

// Weeks are a trend (lines); services and severities are categories side by side (bars). Minutes. Plain SVG:
// the home page ships no charting library, and each point or bar names its value when hovered.
export function MttrChart({ points, trend }: { points: MttxPoint[]; trend: boolean }) {
  const ticks = niceTicks(Math.max(1, ...points.map((p) => p.p90), ...points.map((p) => p.mean)), 3);
  const y = linearScale(ticks.at(-1)!);
  const x = (i: number) => bandCenter(i, points.length);
  const group = (p: MttxPoint) => (trend ? `week of ${p.label}` : p.label);
  const tip = (p: MttxPoint, s: (typeof SERIES)[number]) => `${group(p)} · ${s.name} ${formatDuration(p[s.key] * 60)}`;
  const table = {
    caption: "Minutes per group: p50, mean and p90",
    columns: [trend ? "week of" : "group", "incidents", ...SERIES.map((l) => l.name)],
    rows: points.map((p) => [p.label, p.incidents, ...SERIES.map((l) => formatDuration(p[l.key] * 60))]),
  };
  const yTicks = [...ticks].reverse().map((v) => ({ at: y(v), label: `${v}m` }));
  const bar = (BARS_FILL * 100) / points.length / SERIES.length;
  return (
    <ChartFigure label={trend ? "The chosen MTTx measure per week" : "The chosen MTTx measure per group"} table={table}>
      <div data-testid="mttr-chart" data-shape={trend ? "lines" : "bars"}>
        <PlotFrame height={HEIGHT} gutter={40} yTicks={yTicks} xTicks={thinLabels(points.map((p) => p.label), trend ? 6 : 4, x)}>
          {trend
            ? SERIES.map((s) => (
                <g key={s.key} data-series={s.key}>
                  {lineSegments(points.map((p, i) => ({ x: x(i), y: y(p[s.key]) }))).map((d) => (
                    <path key={d} d={d} fill="none" stroke={s.color} strokeWidth={1.5} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
                  ))}
                  {points.map((p, i) => <Dot key={p.label} x={x(i)} y={y(p[s.key])} color={s.color} title={tip(p, s)} />)}
                </g>
              ))
            : SERIES.map((s, k) => (
                <g key={s.key} data-series={s.key} fill={s.color}>
                  {points.map((p, i) => (
                    <rect key={p.label} x={fx(x(i)) + (k - 1.5) * bar} width={bar} y={fy(y(p[s.key]))} height={100 - fy(y(p[s.key]))}>
                      <title>{tip(p, s)}</title>
                    </rect>
                  ))}
                </g>
              ))}
        </PlotFrame>
        <ChartLegend items={SERIES.map((s) => ({ label: s.name, color: s.color }))} />
      </div>
    </ChartFigure>
  );
}
