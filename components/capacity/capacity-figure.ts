import type { CapacityPool } from "@/lib/views/capacity.ts";
import { formatUtc } from "../format.ts";
import type { ChartTable } from "../ui/chart-figure.tsx";
import { capacitySeries, unitOf, type Resource } from "./capacity-series.ts";

export const day = (t: number) => new Date(t).toISOString().slice(5, 10);
export const round2 = (v: number) => Math.round(v * 100) / 100;

export function show(v: unknown, unit: string): string {
  if (Array.isArray(v)) return `${round2(Number(v[0]))}–${round2(Number(v[1]))} ${unit}`;
  return typeof v === "number" ? `${round2(v)} ${unit}` : "–";
}

// What a capacity chart says, whichever draws it (the card's plain SVG or the detail page's Recharts): its
// rows, the trend shown, its name, its table equivalent and where the trend meets allocatable. The cockpit's
// cards get every few hours' reading (the query thins them), and the caption says how far apart they are. The table
// is worded when opened (ChartFigure).
export function capacityFigure(pool: CapacityPool, resource: Resource) {
  const { rows, trend } = capacitySeries(pool, resource);
  const every = pool.pointEveryHours;
  const unit = unitOf(resource);
  const crossing = trend?.exhaustsAt ? Date.parse(trend.exhaustsAt) : null;
  const table = (): ChartTable => ({
    caption: `${pool.pool} ${resource} ${every === 1 ? "per hour" : `every ${every} hours`} (${unit})`,
    columns: ["hour (UTC)", "allocatable", "requests", "usage p95", ...(trend ? [`${trend.basis} trend`, "95 % interval"] : [])],
    rows: rows.map((r) => [
      formatUtc(new Date(r.t).toISOString()),
      show(r.allocatable ?? r.allocatableAhead, unit),
      show(r.requests, unit),
      show(r.usage, unit),
      ...(trend ? [show(r.fit, unit), show(r.band, unit)] : []),
    ]),
  });
  const label = `${pool.cluster} / ${pool.pool}: ${resource} allocatable, requests and usage${trend ? ", with the trend ahead" : ""}`;
  const description = crossing ? `The trend reaches allocatable around ${formatUtc(new Date(crossing).toISOString())}.` : undefined;
  return { rows, trend, unit, crossing, table, label, description };
}
