import type { HourlyBurnPoint } from "@/lib/views/slo.ts";
import { bandCenter, sqrtScale } from "../charts/scale.ts";
import { HoverReadout } from "../charts/hover-readout.tsx";
import { lineSegments } from "../charts/line-segments.ts";
import { PlotFrame } from "../charts/plot-frame.tsx";
import { PlotLabel } from "../charts/plot-label.tsx";
import { Rule } from "../charts/rule.tsx";
import { burnSeries, formatBurn } from "../format.ts";
import { ChartFigure } from "../ui/chart-figure.tsx";
import { chartColors } from "../ui/chart-theme.ts";

const HEIGHT = 110;

// A square-root axis keeps 1× and 14.4× readable next to a full-outage hour (1000× at 99.9 %). Such an
// hour squeezes the two lines a few pixels apart, so their labels sit at opposite ends and never overlap,
// and the axis names the peak so the squeeze is not mistaken for a calm chart. Plain SVG drawn by the
// server: a thousand SLO cards cost no charting library and no measuring in the browser.
export function BurnChart({ points }: { points: HourlyBurnPoint[] }) {
  const data = burnSeries(points);
  // A 100 % objective burns at ∞× on any error: such an hour is drawn at the top, the axis names the finite peak.
  const peak = Math.max(16, ...data.map((d) => (d.burn !== null && Number.isFinite(d.burn) ? d.burn : 0)));
  const y = sqrtScale(peak);
  const x = (i: number) => bandCenter(i, data.length);
  // In order of importance: the peak and the paging rate keep their labels when the axis is crowded.
  const ticks = (peak > 60 ? [Math.floor(peak), 14.4, 1, 0] : [14.4, 1, 6, 0]).map((v) => ({ at: y(v), label: `${v}×` }));
  const xTicks = data.flatMap((d, i) => (i % 6 === 0 ? [{ at: x(i), label: d.label }] : []));
  const table = { caption: "Burn rate per hour (UTC)", columns: ["hour (UTC)", "burn"], rows: data.map((d) => [d.label, formatBurn(d.burn)]) };
  const overlay = (
    <>
      <PlotLabel x={0} y={y(1)} align="start" side="above" color={chartColors.axis}>1× sustainable</PlotLabel>
      <PlotLabel x={1} y={y(14.4)} align="end" side="below" color={chartColors.danger}>14.4× page</PlotLabel>
      <HoverReadout at={data.map((_, i) => x(i))} texts={data.map((d) => `${d.label} UTC: ${d.burn === null ? "not measured" : formatBurn(d.burn)}`)} />
    </>
  );
  return (
    <ChartFigure label="Hourly burn rate, last 24 hours" table={table}>
      <PlotFrame height={HEIGHT} gutter={34} yTicks={ticks} xTicks={xTicks} overlay={overlay}>
        <Rule y={y(1)} color={chartColors.axis} />
        <Rule y={y(14.4)} color={chartColors.danger} />
        <g data-series="burn" fill="none" stroke={chartColors.primary} strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round">
          {lineSegments(data.map((d, i) => (d.burn === null ? null : { x: x(i), y: y(d.burn) }))).map((d) => (
            <path key={d} d={d} vectorEffect="non-scaling-stroke" />
          ))}
        </g>
      </PlotFrame>
    </ChartFigure>
  );
}
