import { getPool } from "@/lib/db/pool.ts";
import { HOUR_MS } from "@/lib/domain/slo.ts";
import type { HourBucket } from "./hourly-burn.ts";

// The good and total sums behind each SLO's burn chart, one row per bucket of `bucketHours` hours
// (aligned to the epoch, so a bucket's edges are the same UTC hours every day), from the hour sums the
// analyzer keeps (sli_hours), read by one index range scan per SLO.
// The window: by default the 24 hours ending at the hour of the SLO's cluster's newest report (or,
// before the cluster reported, its newest measured hour); with a time range, the buckets from the one
// holding `from` to the one holding `to`. Empty buckets come back with null sums (no burn, not zero).
export type BurnWindow = { from: Date; to: Date; bucketHours: number } | null;

const sql = (where: string, b: string, f: string, t: string) => `
WITH ends AS (
  SELECT s.id,
         CASE WHEN ${t}::timestamptz IS NULL
              THEN date_trunc('hour', COALESCE(c.last_event_at, (SELECT max(x.hour) FROM sli_hours x WHERE x.slo_id = s.id), now()))
              ELSE date_bin(${b}::interval, ${t}::timestamptz, timestamptz 'epoch') END AS last_bucket
    FROM slos s JOIN workloads w ON w.id = s.workload_id JOIN clusters c ON c.id = w.cluster_id
   WHERE ${where}
), spans AS (
  SELECT id, last_bucket,
         CASE WHEN ${f}::timestamptz IS NULL THEN last_bucket - interval '23 hours'
              ELSE least(last_bucket, date_bin(${b}::interval, ${f}::timestamptz, timestamptz 'epoch')) END AS first_bucket
    FROM ends
)
SELECT e.id AS slo_id, extract(epoch FROM e.first_bucket)::float8 * 1000 AS first_ms, extract(epoch FROM e.last_bucket)::float8 * 1000 AS last_ms,
       h.starts, h.goods, h.totals
  FROM spans e
  LEFT JOIN LATERAL (
    SELECT array_agg(extract(epoch FROM b.bucket)::float8 * 1000 ORDER BY b.bucket) AS starts, array_agg(b.good ORDER BY b.bucket) AS goods,
           array_agg(b.total ORDER BY b.bucket) AS totals
      FROM (SELECT date_bin(${b}::interval, x.hour, timestamptz 'epoch') AS bucket, sum(x.good) AS good, sum(x.total) AS total
              FROM sli_hours x
             WHERE x.slo_id = e.id AND x.hour >= e.first_bucket AND x.hour < e.last_bucket + ${b}::interval
             GROUP BY 1) b
  ) h ON true`;

// One row per SLO, its buckets' sums as arrays (float8 arrays parse straight into numbers).
type Row = { slo_id: string; first_ms: number; last_ms: number; starts: number[] | null; goods: number[] | null; totals: number[] | null };

export async function getBurnBuckets(sloIds: readonly string[], window: BurnWindow): Promise<Map<string, HourBucket[]>> {
  const params: unknown[] = [];
  const where = `s.id = ANY($${params.push(sloIds)}::uuid[])`;
  const bucketHours = window?.bucketHours ?? 1;
  const b = `$${params.push(`${bucketHours} hours`)}`;
  const f = `$${params.push(window?.from ?? null)}`;
  const t = `$${params.push(window?.to ?? null)}`;
  const { rows } = await getPool().query<Row>(sql(where, b, f, t), params);
  const step = bucketHours * HOUR_MS;
  const out = new Map<string, HourBucket[]>();
  for (const r of rows) {
    const at = new Map<number, number>((r.starts ?? []).map((ms, i) => [ms, i]));
    const list: HourBucket[] = [];
    for (let ms = r.first_ms; ms <= r.last_ms; ms += step) {
      const i = at.get(ms);
      list.push({ sloId: r.slo_id, hour: new Date(ms), good: i === undefined ? null : r.goods![i], total: i === undefined ? null : r.totals![i] });
    }
    out.set(r.slo_id, list);
  }
  return out;
}
