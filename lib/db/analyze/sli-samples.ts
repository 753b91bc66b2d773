import { getPool } from "@/lib/db/pool.ts";
import { withTransaction } from "@/lib/db/with-transaction.ts";
import type { MinuteSample } from "@/lib/domain/availability-sli.ts";

/** The newest minute rolled up for each SLO asked (absent: none yet). */
export async function readLastSliSampleTimes(sloIds: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await getPool().query<{ id: string; ts: Date | null }>(
    `SELECT s.id, (SELECT max(ts) FROM sli_samples x WHERE x.slo_id = s.id) AS ts FROM unnest($1::uuid[]) AS s(id)`,
    [sloIds],
  );
  return new Map(rows.filter((r) => r.ts !== null).map((r) => [r.id, r.ts!.getTime()]));
}

export type SloSample = MinuteSample & { sloId: string };

// One statement for a whole batch of SLOs' minutes (unnest), ON CONFLICT so re-rolling a minute
// overwrites it; only minutes whose sums changed are written, and only the hours holding them re-summed.
export async function upsertSliSamples(samples: readonly SloSample[]): Promise<number> {
  if (samples.length === 0) return 0;
  // The failed minutes follow in the same statement: written or rewritten when they failed, removed
  // when a late fact made them good.
  const { rows } = await getPool().query<{ slo_id: string; hour: Date; n: string }>(
    `WITH up AS (
       INSERT INTO sli_samples (slo_id, ts, good, total)
       SELECT s, to_timestamp(t / 1000.0), g, n FROM unnest($1::uuid[], $2::bigint[], $3::float8[], $4::float8[]) AS u(s, t, g, n)
       ON CONFLICT (slo_id, ts) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total
         WHERE sli_samples.good IS DISTINCT FROM EXCLUDED.good OR sli_samples.total IS DISTINCT FROM EXCLUDED.total
       RETURNING slo_id, ts, good, total),
     failed AS (
       INSERT INTO sli_bad_minutes (slo_id, ts, good, total) SELECT slo_id, ts, good, total FROM up WHERE good < total
       ON CONFLICT (slo_id, ts) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total),
     healed AS (
       DELETE FROM sli_bad_minutes b USING up WHERE b.slo_id = up.slo_id AND b.ts = up.ts AND up.good >= up.total)
     SELECT slo_id, date_trunc('hour', ts) AS hour, count(*) AS n FROM up GROUP BY 1, 2`,
    [samples.map((s) => s.sloId), samples.map((s) => s.ts), samples.map((s) => s.good), samples.map((s) => s.total)],
  );
  if (rows.length > 0) await refreshSliSums(rows.map((r) => r.slo_id), rows.map((r) => r.hour));
  return rows.reduce((n, r) => n + Number(r.n), 0);
}

// Re-sums each (SLO, hour) asked from its minutes, once they are written, then each (SLO, UTC day)
// holding one of those hours from its hours. Each sum is a lateral aggregate, so each is one index range
// of one SLO: joined instead, the planner may hash the whole table to sum a few hours.
async function refreshSliSums(sloIds: readonly string[], hours: readonly Date[]): Promise<void> {
  const pool = getPool();
  await pool.query(
    `INSERT INTO sli_hours (slo_id, hour, good, total, first_ts, counted_ts)
     SELECT h.slo_id, h.hour, s.good, s.total, s.first_ts, s.counted_ts FROM unnest($1::uuid[], $2::timestamptz[]) AS h(slo_id, hour)
       CROSS JOIN LATERAL (SELECT sum(good) AS good, sum(total) AS total, min(ts) AS first_ts, min(ts) FILTER (WHERE total > 0) AS counted_ts
                             FROM sli_samples x WHERE x.slo_id = h.slo_id AND x.ts >= h.hour AND x.ts < h.hour + interval '1 hour') s
      WHERE s.first_ts IS NOT NULL
     ON CONFLICT (slo_id, hour) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total, first_ts = EXCLUDED.first_ts, counted_ts = EXCLUDED.counted_ts`,
    [sloIds, hours],
  );
  await pool.query(
    `INSERT INTO sli_days (slo_id, day, good, total, first_ts, counted_ts)
     SELECT d.slo_id, d.day, s.good, s.total, s.first_ts, s.counted_ts
       FROM (SELECT DISTINCT slo_id, date_trunc('day', hour, 'UTC') AS day FROM unnest($1::uuid[], $2::timestamptz[]) AS u(slo_id, hour)) d
       CROSS JOIN LATERAL (SELECT sum(good) AS good, sum(total) AS total, min(first_ts) AS first_ts, min(counted_ts) AS counted_ts
                             FROM sli_hours h WHERE h.slo_id = d.slo_id AND h.hour >= d.day AND h.hour < d.day + interval '1 day') s
      WHERE s.first_ts IS NOT NULL
     ON CONFLICT (slo_id, day) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total, first_ts = EXCLUDED.first_ts, counted_ts = EXCLUDED.counted_ts`,
    [sloIds, hours],
  );
}

// Minutes (and whole hours and days) older than each SLO's `before`, for every SLO asked. The hour and
// day holding `before` keep sums of minutes now gone; windows read them from finer rows, never whole.
// Each cycle a minute slides out per SLO: the deletes must be an index range per SLO, which PostgreSQL,
// unable to tell how few rows `ts < before` leaves, would trade for hashing the whole table (52 M
// minutes at 10,000 pods), so this transaction rules out hash and merge joins.
export async function deleteSliSamplesBefore(cutoffs: readonly { sloId: string; before: Date }[]): Promise<void> {
  if (cutoffs.length === 0) return;
  const params = [cutoffs.map((c) => c.sloId), cutoffs.map((c) => c.before)];
  const using = `USING unnest($1::uuid[], $2::timestamptz[]) AS c(slo_id, before) WHERE x.slo_id = c.slo_id`;
  await withTransaction(async (client) => {
    await client.query(`SET LOCAL enable_hashjoin = off`);
    await client.query(`SET LOCAL enable_mergejoin = off`);
    await client.query(`DELETE FROM sli_samples x ${using} AND x.ts < c.before`, params);
    await client.query(`DELETE FROM sli_bad_minutes x ${using} AND x.ts < c.before`, params);
    await client.query(`DELETE FROM sli_hours x ${using} AND x.hour < date_trunc('hour', c.before)`, params);
    await client.query(`DELETE FROM sli_days x ${using} AND x.day < date_trunc('day', c.before, 'UTC')`, params);
  });
}
