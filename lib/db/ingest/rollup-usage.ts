import type pg from "pg";

// 5-minute usage rollups per workload container, in cluster time. Only buckets the cluster's clock
// has passed are rolled up, and the latest few are recomputed on every run, so a sample that arrives
// late (a slow metrics scrape, a worker catching up) still lands in its bucket. History is rolled up
// an hour of samples per statement, so a worker catching up on a day never holds one huge query.

const BUCKET_MS = 5 * 60_000;
const LATE_MS = 15 * 60_000;
const CHUNK_MS = 60 * 60_000;
/** How far back a first run looks: the rollups' own retention. */
export const ROLLUP_RETENTION_DAYS = 30;

const floorBucket = (t: number) => Math.floor(t / BUCKET_MS) * BUCKET_MS;

export async function rollupUsage(db: pg.Pool, clusterId: string): Promise<number> {
  const { rows } = await db.query<{ now: Date | null; rolled: Date | null }>(
    `SELECT c.last_event_at AS now, (SELECT max(bucket) FROM usage_rollups_5m WHERE cluster_id = c.id) AS rolled FROM clusters c WHERE c.id = $1`,
    [clusterId],
  );
  const r = rows[0];
  if (!r?.now) return 0;
  // Only the first run looks for where the samples begin; later runs go on from the last bucket.
  const first = r.rolled
    ? new Date(r.rolled.getTime() - LATE_MS)
    : (
        await db.query<{ first: Date | null }>(
          `SELECT min(ts) AS first FROM usage_samples WHERE cluster_id = $1 AND ts > $2::timestamptz - make_interval(days => $3)`,
          [clusterId, r.now, ROLLUP_RETENTION_DAYS],
        )
      ).rows[0].first;
  if (!first) return 0;
  const end = floorBucket(r.now.getTime()); // buckets before this one are closed
  let from = floorBucket(first.getTime());
  let written = 0;
  while (from < end) {
    const to = Math.min(end, from + CHUNK_MS);
    written += await rollupRange(db, clusterId, new Date(from), new Date(to));
    from = to;
  }
  return written;
}

async function rollupRange(db: pg.Pool, clusterId: string, from: Date, to: Date): Promise<number> {
  const result = await db.query(
    `INSERT INTO usage_rollups_5m (cluster_id, namespace, owner_kind, owner_name, container, bucket, samples,
                                   cpu_p50, cpu_p95, cpu_max, memory_p50, memory_p95, memory_max)
     SELECT cluster_id, namespace, COALESCE(workload_kind::text, 'Pod'), COALESCE(workload_name, pod), container,
            to_timestamp(floor(extract(epoch FROM ts) / 300) * 300) AS bucket,
            count(*),
            percentile_cont(0.5) WITHIN GROUP (ORDER BY cpu_millis),
            percentile_cont(0.95) WITHIN GROUP (ORDER BY cpu_millis),
            max(cpu_millis),
            round(percentile_cont(0.5) WITHIN GROUP (ORDER BY memory_bytes))::bigint,
            round(percentile_cont(0.95) WITHIN GROUP (ORDER BY memory_bytes))::bigint,
            max(memory_bytes)
       FROM usage_samples
      WHERE cluster_id = $1 AND ts >= $2 AND ts < $3
      GROUP BY 1, 2, 3, 4, 5, 6
     ON CONFLICT (cluster_id, namespace, owner_kind, owner_name, container, bucket) DO UPDATE SET
       samples = EXCLUDED.samples, cpu_p50 = EXCLUDED.cpu_p50, cpu_p95 = EXCLUDED.cpu_p95, cpu_max = EXCLUDED.cpu_max,
       memory_p50 = EXCLUDED.memory_p50, memory_p95 = EXCLUDED.memory_p95, memory_max = EXCLUDED.memory_max`,
    [clusterId, from, to],
  );
  return result.rowCount ?? 0;
}
