import type { CapacityForecastRow, CapacityPool } from "@/lib/views/capacity.ts";

// Chart rows for one pool and resource: the hourly points at the middle of their hour, and the trend's
// samples (history and ahead), merged on one time axis. CPU is drawn in cores and memory in GiB, the
// units a capacity review talks in.

export type Resource = CapacityForecastRow["resource"];

export type CapacityChartRow = {
  t: number;
  allocatable?: number;
  /** Today's allocatable carried ahead: the level the forecast assumes. */
  allocatableAhead?: number;
  requests?: number;
  usage?: number;
  fit?: number;
  band?: [number, number];
};

const HALF_HOUR = 30 * 60_000;
const scaleOf = (resource: Resource) => (resource === "cpu" ? 1000 : 1024 ** 3);
export const unitOf = (resource: Resource) => (resource === "cpu" ? "cores" : "GiB");

// The trend drawn is the one that runs out first (requests when neither does): one band per chart
// stays readable, and the explanations below the chart give the other.
export function trendShown(forecasts: readonly CapacityForecastRow[], resource: Resource): CapacityForecastRow | undefined {
  const own = forecasts.filter((f) => f.resource === resource && f.trend.length > 0);
  const when = (f: CapacityForecastRow) => Date.parse(f.exhaustsAt ?? f.earliestAt ?? "") || Infinity;
  return [...own].sort((a, b) => when(a) - when(b) || (a.basis === "requests" ? -1 : 1))[0];
}

export function capacitySeries(pool: CapacityPool, resource: Resource): { rows: CapacityChartRow[]; trend: CapacityForecastRow | undefined } {
  const scale = scaleOf(resource);
  const rows = new Map<number, CapacityChartRow>();
  const row = (t: number) => rows.get(t) ?? rows.set(t, { t }).get(t)!;
  for (const p of pool.points) {
    const r = row(Date.parse(p.bucket) + HALF_HOUR);
    r.allocatable = (resource === "cpu" ? p.allocatableCpuMillis : p.allocatableMemoryBytes) / scale;
    r.requests = (resource === "cpu" ? p.requestedCpuMillis : p.requestedMemoryBytes) / scale;
    const used = resource === "cpu" ? p.usedCpuMillis : p.usedMemoryBytes;
    if (used !== null) r.usage = used / scale;
  }
  const trend = trendShown(pool.forecasts, resource);
  const lastT = Math.max(-Infinity, ...[...rows.keys()]);
  for (const s of trend?.trend ?? []) {
    const r = row(Date.parse(s.t));
    r.fit = s.fit / scale;
    r.band = [s.low / scale, s.high / scale];
    if (r.t > lastT && trend?.allocatable != null) r.allocatableAhead = trend.allocatable / scale;
  }
  const last = rows.get(lastT);
  if (last && trend?.allocatable != null) last.allocatableAhead = trend.allocatable / scale;
  return { rows: [...rows.values()].sort((a, b) => a.t - b.t), trend };
}
