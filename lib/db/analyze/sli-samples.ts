import { getPool } from "@/lib/db/pool.ts";
import type { MinuteSample } from "@/lib/domain/availability-sli.ts";
import type { TimedCounts } from "@/lib/domain/burn-rate.ts";

export async function getLastSliSampleTs(sloId: string): Promise<Date | null> {
  const { rows } = await getPool().query<{ ts: Date | null }>(`SELECT max(ts) AS ts FROM sli_samples WHERE slo_id = $1`, [sloId]);
  return rows[0]?.ts ?? null;
}

// One statement for a whole batch (unnest), and ON CONFLICT so re-rolling a minute overwrites it.
export async function upsertSliSamples(sloId: string, samples: readonly MinuteSample[]): Promise<number> {
  if (samples.length === 0) return 0;
  const { rowCount } = await getPool().query(
    `INSERT INTO sli_samples (slo_id, ts, good, total)
     SELECT $1, to_timestamp(t / 1000.0), g, n FROM unnest($2::bigint[], $3::float8[], $4::float8[]) AS u(t, g, n)
     ON CONFLICT (slo_id, ts) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total
       WHERE sli_samples.good IS DISTINCT FROM EXCLUDED.good OR sli_samples.total IS DISTINCT FROM EXCLUDED.total`,
    [sloId, samples.map((s) => s.ts), samples.map((s) => s.good), samples.map((s) => s.total)],
  );
  return rowCount ?? 0;
}

export async function deleteSliSamplesBefore(sloId: string, before: Date): Promise<void> {
  await getPool().query(`DELETE FROM sli_samples WHERE slo_id = $1 AND ts < $2`, [sloId, before]);
}

export type WindowTotals = { good: number; total: number; firstTs: Date | null };

export async function sumSliSamples(sloId: string, from: Date, to: Date): Promise<WindowTotals> {
  const { rows } = await getPool().query<{ good: number | null; total: number | null; first_ts: Date | null }>(
    `SELECT sum(good) AS good, sum(total) AS total, min(ts) AS first_ts FROM sli_samples WHERE slo_id = $1 AND ts >= $2 AND ts < $3`,
    [sloId, from, to],
  );
  const r = rows[0];
  return { good: r?.good ?? 0, total: r?.total ?? 0, firstTs: r?.first_ts ?? null };
}

export async function readSliSamples(sloId: string, from: Date, to: Date): Promise<TimedCounts[]> {
  const { rows } = await getPool().query<{ ts: Date; good: number; total: number }>(
    `SELECT ts, good, total FROM sli_samples WHERE slo_id = $1 AND ts >= $2 AND ts < $3 AND total > 0 ORDER BY ts`,
    [sloId, from, to],
  );
  return rows.map((r) => ({ ts: r.ts.getTime(), good: r.good, total: r.total }));
}
