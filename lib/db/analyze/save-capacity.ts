import { getPool } from "@/lib/db/pool.ts";
import { withTransaction } from "@/lib/db/with-transaction.ts";
import type { ExhaustionForecast } from "@/lib/domain/capacity.ts";
import type { CapacityPoint, PoolNode } from "@/lib/domain/capacity-points.ts";
import { HOUR_MS } from "@/lib/domain/slo.ts";

// Writes of the capacity analyzer. Each write replaces what it recomputed in one transaction, so a pool
// that lost its last node loses its recomputed hours too instead of keeping stale ones.

/** The newest stored hour and when forecasts were last written: where the next run goes on from. */
export async function getCapacityProgress(clusterId: string): Promise<{ lastBucket: Date | null; computedAt: Date | null }> {
  const { rows } = await getPool().query<{ last_bucket: Date | null; computed_at: Date | null }>(
    `SELECT (SELECT max(bucket) FROM capacity_points WHERE cluster_id = $1) AS last_bucket,
            (SELECT max(computed_at) FROM capacity_forecasts WHERE cluster_id = $1) AS computed_at`,
    [clusterId],
  );
  return { lastBucket: rows[0]?.last_bucket ?? null, computedAt: rows[0]?.computed_at ?? null };
}

/** Replaces the hours [from, to) of every pool of the cluster with `points`. */
export async function replaceCapacityPoints(clusterId: string, from: Date, to: Date, points: readonly CapacityPoint[]): Promise<number> {
  const col = <K extends keyof CapacityPoint>(k: K) => points.map((p) => p[k]);
  return withTransaction(async (client) => {
    await client.query(`DELETE FROM capacity_points WHERE cluster_id = $1 AND bucket >= $2 AND bucket < $3`, [clusterId, from, to]);
    const result = await client.query(
      `INSERT INTO capacity_points (cluster_id, pool, bucket, node_count, pod_count, allocatable_cpu_millis, allocatable_memory_bytes,
                                    requested_cpu_millis, requested_memory_bytes, used_cpu_millis, used_memory_bytes, usage_slots)
       SELECT $1, pool, to_timestamp(b / 1000.0), nc, pc, ac, am, rc, rm, uc, um, us
         FROM unnest($2::text[], $3::float8[], $4::int[], $5::int[], $6::float8[], $7::bigint[], $8::float8[], $9::bigint[], $10::float8[], $11::bigint[], $12::int[])
              AS t(pool, b, nc, pc, ac, am, rc, rm, uc, um, us)`,
      [clusterId, col("pool"), col("bucket"), col("nodeCount"), col("podCount"), col("allocatableCpuMillis"), col("allocatableMemoryBytes"),
        col("requestedCpuMillis"), col("requestedMemoryBytes"), col("usedCpuMillis"), col("usedMemoryBytes"), col("usageSlots")],
    );
    return result.rowCount ?? 0;
  });
}

export async function readCapacityPoints(clusterId: string, since: Date): Promise<CapacityPoint[]> {
  const { rows } = await getPool().query<{ pool: string; bucket: Date; node_count: number; pod_count: number; ac: number; am: number; rc: number; rm: number; uc: number | null; um: number | null; usage_slots: number }>(
    `SELECT pool, bucket, node_count, pod_count, allocatable_cpu_millis AS ac, allocatable_memory_bytes AS am, requested_cpu_millis AS rc,
            requested_memory_bytes AS rm, used_cpu_millis AS uc, used_memory_bytes AS um, usage_slots
       FROM capacity_points WHERE cluster_id = $1 AND bucket >= $2 ORDER BY pool, bucket`,
    [clusterId, since],
  );
  return rows.map((r) => ({
    pool: r.pool,
    bucket: r.bucket.getTime(),
    nodeCount: r.node_count,
    podCount: r.pod_count,
    allocatableCpuMillis: r.ac,
    allocatableMemoryBytes: Number(r.am),
    requestedCpuMillis: r.rc,
    requestedMemoryBytes: Number(r.rm),
    usedCpuMillis: r.uc,
    usedMemoryBytes: r.um === null ? null : Number(r.um),
    usageSlots: r.usage_slots,
  }));
}

const dateOrNull = (t: number | null) => (t === null ? null : new Date(t));

// The cluster's forecasts and pool membership as of `at`, replacing the last run's; hours that have left
// the window go at the same time.
export async function saveCapacityForecasts(clusterId: string, forecasts: readonly (ExhaustionForecast & { pool: string })[], nodes: readonly PoolNode[], at: Date, keepSince: Date): Promise<void> {
  const f = <T>(pick: (x: ExhaustionForecast & { pool: string }) => T) => forecasts.map(pick);
  const n = <K extends keyof PoolNode>(k: K) => nodes.map((x) => x[k]);
  await withTransaction(async (client) => {
    await client.query(`DELETE FROM capacity_forecasts WHERE cluster_id = $1`, [clusterId]);
    await client.query(
      `INSERT INTO capacity_forecasts (cluster_id, pool, resource, basis, status, points, history_from, history_to, allocatable, current_value,
                                       slope_per_hour, x_mean, y_mean, sxx, residual_std, t_value, exhausts_at, earliest_at, latest_at, explanation, computed_at)
       SELECT $1, * , $21 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[], $8::timestamptz[], $9::float8[], $10::float8[],
                                      $11::float8[], $12::timestamptz[], $13::float8[], $14::float8[], $15::float8[], $16::float8[], $17::timestamptz[],
                                      $18::timestamptz[], $19::timestamptz[], $20::text[])`,
      [
        clusterId, f((x) => x.pool), f((x) => x.resource), f((x) => x.basis), f((x) => x.status), f((x) => x.points),
        f((x) => dateOrNull(x.historyFrom)), f((x) => dateOrNull(x.historyTo)), f((x) => x.allocatable), f((x) => x.current),
        f((x) => x.fit?.slope ?? null), f((x) => (x.fit ? new Date(x.fit.xMean * HOUR_MS) : null)), f((x) => x.fit?.yMean ?? null),
        f((x) => x.fit?.sxx ?? null), f((x) => x.fit?.residualStd ?? null), f((x) => x.fit?.t ?? null),
        f((x) => dateOrNull(x.exhaustsAt)), f((x) => dateOrNull(x.earliestAt)), f((x) => dateOrNull(x.latestAt)), f((x) => x.explanation), at,
      ],
    );
    await client.query(`DELETE FROM capacity_pool_nodes WHERE cluster_id = $1`, [clusterId]);
    await client.query(
      `INSERT INTO capacity_pool_nodes (cluster_id, node, pool, pool_label, ready, allocatable_cpu_millis, allocatable_memory_bytes,
                                        requested_cpu_millis, requested_memory_bytes, pods, created_at, deleted_at, computed_at)
       SELECT $1, *, $13 FROM unnest($2::text[], $3::text[], $4::text[], $5::bool[], $6::int[], $7::bigint[], $8::float8[], $9::bigint[], $10::int[],
                                     $11::timestamptz[], $12::timestamptz[])`,
      [
        clusterId, n("node"), n("pool"), n("poolLabel"), n("ready"), n("allocatableCpuMillis"), n("allocatableMemoryBytes"),
        n("requestedCpuMillis"), n("requestedMemoryBytes"), n("pods"), nodes.map((x) => dateOrNull(x.createdAt)),
        nodes.map((x) => dateOrNull(x.deletedAt)), at,
      ],
    );
    await client.query(`DELETE FROM capacity_points WHERE cluster_id = $1 AND bucket < $2`, [clusterId, keepSince]);
  });
}
