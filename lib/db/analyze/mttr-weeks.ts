import type { MttrWeek } from "@/lib/domain/mttr.ts";
import { withTransaction } from "@/lib/db/with-transaction.ts";

// The weekly figures are recomputed in full each time (a few rows per week), so the table always
// matches the incidents: weeks without resolved incidents disappear, nothing is duplicated.
export async function replaceMttrWeeks(weeks: readonly MttrWeek[], computedAt: Date): Promise<void> {
  await withTransaction(async (client) => {
    await client.query(
      `INSERT INTO mttr_weeks (week_start, incidents, mean_seconds, p50_seconds, p90_seconds, computed_at)
       SELECT to_timestamp(w / 1000.0), n, m, p50, p90, $6 FROM unnest($1::bigint[], $2::int[], $3::float8[], $4::float8[], $5::float8[]) AS u(w, n, m, p50, p90)
       ON CONFLICT (week_start) DO UPDATE SET incidents = EXCLUDED.incidents, mean_seconds = EXCLUDED.mean_seconds,
         p50_seconds = EXCLUDED.p50_seconds, p90_seconds = EXCLUDED.p90_seconds, computed_at = EXCLUDED.computed_at`,
      [weeks.map((w) => w.weekStart), weeks.map((w) => w.incidents), weeks.map((w) => w.meanSeconds), weeks.map((w) => w.p50Seconds), weeks.map((w) => w.p90Seconds), computedAt],
    );
    await client.query(`DELETE FROM mttr_weeks WHERE NOT (week_start = ANY($1::timestamptz[]))`, [weeks.map((w) => new Date(w.weekStart))]);
  });
}
