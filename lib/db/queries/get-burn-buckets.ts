import { getPool } from "@/lib/db/pool.ts";
import { HOUR_MS } from "@/lib/domain/slo.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { HourBucket } from "./hourly-burn.ts";
import { scopeWhere } from "./scope-sql.ts";

// The good and total sums behind each SLO's burn chart, one row per bucket of `bucketHours` hours
// (aligned to the epoch, so a bucket's edges are the same UTC hours every day), from the hour sums the
// analyzer keeps (sli_hours), read by one index range scan per SLO.
// The window: by default the 24 hours ending at the hour of the SLO's cluster's newest report (or,
// before the cluster reported, its newest measured hour); with a time range, the buckets from the one
// holding `from` to the one holding `to`. Empty buckets come back with null sums (no burn, not zero).
export type BurnWindow = { from: Date; to: Date; bucketHours: number } | null;
export type BurnFilter = { sloId: string } | { scope: Scope };

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
SELECT e.id AS slo_id, extract(epoch FROM e.first_bucket) * 1000 AS first_ms, extract(epoch FROM e.last_bucket) * 1000 AS last_ms,
       extract(epoch FROM h.bucket) * 1000 AS bucket_ms, h.good, h.total
  FROM spans e
  LEFT JOIN LATERAL (
    SELECT date_bin(${b}::interval, x.hour, timestamptz 'epoch') AS bucket, sum(x.good) AS good, sum(x.total) AS total
      FROM sli_hours x
     WHERE x.slo_id = e.id AND x.hour >= e.first_bucket AND x.hour < e.last_bucket + ${b}::interval
     GROUP BY 1
  ) h ON true`;

type Row = { slo_id: string; first_ms: number; last_ms: number; bucket_ms: number | null; good: number | null; total: number | null };

export async function getBurnBuckets(filter: BurnFilter, window: BurnWindow): Promise<Map<string, HourBucket[]>> {
  const params: unknown[] = [];
  const where = "sloId" in filter ? `s.id = $${params.push(filter.sloId)}::uuid` : scopeWhere(filter.scope, { cluster: "c.name", namespace: "w.namespace", name: "w.name" }, params);
  const bucketHours = window?.bucketHours ?? 1;
  const b = `$${params.push(`${bucketHours} hours`)}`;
  const f = `$${params.push(window?.from ?? null)}`;
  const t = `$${params.push(window?.to ?? null)}`;
  const { rows } = await getPool().query<Row>(sql(where, b, f, t), params);
  const sums = new Map<string, { first: number; last: number; at: Map<number, { good: number; total: number }> }>();
  for (const r of rows) {
    const entry = sums.get(r.slo_id) ?? { first: Number(r.first_ms), last: Number(r.last_ms), at: new Map() };
    if (r.bucket_ms !== null && r.good !== null && r.total !== null) entry.at.set(Number(r.bucket_ms), { good: r.good, total: r.total });
    sums.set(r.slo_id, entry);
  }
  const step = bucketHours * HOUR_MS;
  const out = new Map<string, HourBucket[]>();
  for (const [sloId, { first, last, at }] of sums) {
    const list: HourBucket[] = [];
    for (let ms = first; ms <= last; ms += step) {
      const s = at.get(ms);
      list.push({ sloId, hour: new Date(ms), good: s?.good ?? null, total: s?.total ?? null });
    }
    out.set(sloId, list);
  }
  return out;
}
