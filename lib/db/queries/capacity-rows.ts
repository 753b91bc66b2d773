import { getPool } from "@/lib/db/pool.ts";
import { predict, type LinearFit } from "@/lib/domain/linear-fit.ts";
import { DAY_MS, HOUR_MS } from "@/lib/domain/slo.ts";
import type { CapacityForecastRow, CapacityPointRow, CapacityPool, CapacityTrendPoint } from "@/lib/views/capacity.ts";

// Reads of the capacity tables shared by the cockpit panel and the pool page. The trend and its band
// are redrawn from the stored fit with the same function the analyzer used, never refitted here.

type ForecastRecord = {
  cluster: string; cluster_id: string; pool: string; resource: CapacityForecastRow["resource"]; basis: CapacityForecastRow["basis"]; status: CapacityForecastRow["status"];
  points: number; history_from: Date | null; history_to: Date | null; allocatable: number | null; current_value: number | null;
  slope_per_hour: number | null; x_mean: Date | null; y_mean: number | null; sxx: number | null; residual_std: number | null; t_value: number | null;
  exhausts_at: Date | null; earliest_at: Date | null; latest_at: Date | null; explanation: string; computed_at: Date;
};

const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;
// Millicores to a tenth and bytes to a byte are finer than any chart or table shows; the JSON stays small.
const round1 = (v: number) => Math.round(v * 10) / 10;
// A straight line and a smooth band: 30 samples draw them as well as 300 would.
const TREND_SAMPLES = 30;

// Ahead of now the chart reaches a day past the date the trend meets allocatable (at least two days,
// at most thirty, a week when it never does), so the crossing is on screen without flattening history.
function trendEnd(r: ForecastRecord): number {
  const now = r.computed_at.getTime();
  const target = (r.exhausts_at ?? r.earliest_at)?.getTime();
  if (target === undefined) return now + 7 * DAY_MS;
  return now + Math.min(30 * DAY_MS, Math.max(2 * DAY_MS, target - now + DAY_MS));
}

function fitOf(r: ForecastRecord): LinearFit | null {
  if (r.slope_per_hour === null || r.x_mean === null || r.y_mean === null || r.sxx === null || r.residual_std === null || r.t_value === null) return null;
  return { n: r.points, xMean: r.x_mean.getTime() / HOUR_MS, yMean: r.y_mean, slope: r.slope_per_hour, sxx: r.sxx, residualStd: r.residual_std, t: r.t_value };
}

function trendOf(r: ForecastRecord, fit: LinearFit | null): CapacityTrendPoint[] {
  if (!fit || !r.history_from) return [];
  const from = r.history_from.getTime();
  const to = trendEnd(r);
  const step = Math.max(HOUR_MS, Math.ceil((to - from) / TREND_SAMPLES / HOUR_MS) * HOUR_MS);
  const out: CapacityTrendPoint[] = [];
  for (let t = from; t <= to; t += step) {
    const p = predict(fit, t / HOUR_MS);
    out.push({ t: new Date(t).toISOString(), fit: round1(p.y), low: round1(Math.max(0, p.low)), high: round1(p.high) });
  }
  return out;
}

function toForecastRow(r: ForecastRecord): CapacityForecastRow {
  const fit = fitOf(r);
  return {
    resource: r.resource,
    basis: r.basis,
    status: r.status,
    points: r.points,
    historyFrom: isoOrNull(r.history_from),
    historyTo: isoOrNull(r.history_to),
    allocatable: r.allocatable,
    current: r.current_value,
    fit: fit ? { points: fit.n, slopePerDay: fit.slope * 24, residualStd: fit.residualStd, t: fit.t, xMean: new Date(fit.xMean * HOUR_MS).toISOString(), sxx: fit.sxx } : null,
    exhaustsAt: isoOrNull(r.exhausts_at),
    earliestAt: isoOrNull(r.earliest_at),
    latestAt: isoOrNull(r.latest_at),
    explanation: r.explanation,
    computedAt: r.computed_at.toISOString(),
    trend: trendOf(r, fit),
  };
}

export type PoolKey = { clusterId: string; cluster: string; pool: string };

/** Forecasts grouped by pool: of one pool of one cluster (by cluster name), or of the named clusters (none: all). */
export async function readPoolForecasts(only?: { cluster: string; pool: string } | { clusters: readonly string[] }): Promise<(PoolKey & { forecasts: CapacityForecastRow[] })[]> {
  const one = only && "pool" in only ? only : null;
  const clusters = only && "clusters" in only && only.clusters.length ? only.clusters : null;
  const { rows } = await getPool().query<ForecastRecord>(
    `SELECT c.name AS cluster, f.* FROM capacity_forecasts f JOIN clusters c ON c.id = f.cluster_id
      WHERE ($1::text IS NULL OR (c.name = $1 AND f.pool = $2)) AND ($3::text[] IS NULL OR c.name = ANY($3))
      ORDER BY c.name, f.pool, f.resource, f.basis`,
    [one?.cluster ?? null, one?.pool ?? null, clusters],
  );
  const pools = new Map<string, PoolKey & { forecasts: CapacityForecastRow[] }>();
  for (const r of rows) {
    const key = `${r.cluster_id}/${r.pool}`;
    const entry = pools.get(key) ?? { clusterId: r.cluster_id, cluster: r.cluster, pool: r.pool, forecasts: [] };
    entry.forecasts.push(toForecastRow(r));
    pools.set(key, entry);
  }
  return [...pools.values()];
}

export const poolKey = (k: Pick<PoolKey, "clusterId" | "pool">) => `${k.clusterId}/${k.pool}`;

/** How many hours each of the given pools has stored. */
export async function countPoolPoints(keys: readonly PoolKey[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const { rows } = await getPool().query<{ cluster_id: string; pool: string; n: number }>(
    `SELECT p.cluster_id, p.pool, count(*)::int AS n
       FROM capacity_points p JOIN unnest($1::uuid[], $2::text[]) AS k(cluster_id, pool) ON k.cluster_id = p.cluster_id AND k.pool = p.pool
      GROUP BY p.cluster_id, p.pool`,
    [keys.map((k) => k.clusterId), keys.map((k) => k.pool)],
  );
  return new Map(rows.map((r) => [poolKey({ clusterId: r.cluster_id, pool: r.pool }), r.n]));
}

/** The stored hours of the given pools, oldest first: every one, or every k-th counted back from the newest
 * where `every` names a k for the pool (lib/domain/thin-readings.ts). */
export async function readPoolPoints(keys: readonly PoolKey[], every?: ReadonlyMap<string, number>): Promise<Map<string, CapacityPointRow[]>> {
  const out = new Map<string, CapacityPointRow[]>(keys.map((k) => [poolKey(k), []]));
  if (keys.length === 0) return out;
  const { rows } = await getPool().query<{ cluster_id: string; pool: string; bucket: Date; node_count: number; pod_count: number; ac: number; am: number; rc: number; rm: number; uc: number | null; um: number | null; usage_slots: number }>(
    `SELECT p.cluster_id, p.pool, p.bucket, p.node_count, p.pod_count, p.allocatable_cpu_millis AS ac, p.allocatable_memory_bytes AS am,
            p.requested_cpu_millis AS rc, p.requested_memory_bytes AS rm, p.used_cpu_millis AS uc, p.used_memory_bytes AS um, p.usage_slots
       FROM (SELECT p.*, k.every, row_number() OVER (PARTITION BY p.cluster_id, p.pool ORDER BY p.bucket DESC) - 1 AS back
               FROM capacity_points p
               JOIN unnest($1::uuid[], $2::text[], $3::int[]) AS k(cluster_id, pool, every) ON k.cluster_id = p.cluster_id AND k.pool = p.pool) p
      WHERE p.back % p.every = 0
      ORDER BY p.bucket`,
    [keys.map((k) => k.clusterId), keys.map((k) => k.pool), keys.map((k) => every?.get(poolKey(k)) ?? 1)],
  );
  for (const r of rows) {
    out.get(poolKey({ clusterId: r.cluster_id, pool: r.pool }))?.push({
      bucket: r.bucket.toISOString(),
      nodeCount: r.node_count,
      podCount: r.pod_count,
      allocatableCpuMillis: round1(r.ac),
      allocatableMemoryBytes: Number(r.am),
      requestedCpuMillis: round1(r.rc),
      requestedMemoryBytes: Number(r.rm),
      usedCpuMillis: r.uc === null ? null : round1(r.uc),
      usedMemoryBytes: r.um === null ? null : Number(r.um),
      usageSlots: r.usage_slots,
    });
  }
  return out;
}

export function toCapacityPool(key: PoolKey & { forecasts: CapacityForecastRow[] }, points: CapacityPointRow[], pointEveryHours = 1): CapacityPool {
  return { cluster: key.cluster, pool: key.pool, nodeCount: points.at(-1)?.nodeCount ?? 0, forecasts: key.forecasts, points, pointEveryHours };
}

// Most urgent first: a pool already full, then the soonest date the trend (or, failing that, the
// pessimistic bound) reaches allocatable; pools with no date keep their name order after those.
export function urgency(forecasts: readonly CapacityForecastRow[]): number {
  if (forecasts.some((f) => f.status === "exhausted")) return -Infinity;
  const dates = forecasts.map((f) => f.exhaustsAt ?? f.earliestAt).filter((d): d is string => d !== null).map((d) => Date.parse(d));
  return dates.length ? Math.min(...dates) : Infinity;
}
