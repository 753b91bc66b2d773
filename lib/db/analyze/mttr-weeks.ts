import { getPool } from "@/lib/db/pool.ts";
import type { MttrWeek, ResolvedIncident } from "@/lib/domain/mttr.ts";

// Cancelled incidents were never outages, so they do not count towards time to repair.
export async function readResolvedIncidents(): Promise<ResolvedIncident[]> {
  const { rows } = await getPool().query<{ started_at: Date; resolved_at: Date }>(
    `SELECT started_at, resolved_at FROM incidents WHERE resolved_at IS NOT NULL AND status <> 'cancelled'`,
  );
  return rows.map((r) => ({ startedAt: r.started_at.getTime(), resolvedAt: r.resolved_at.getTime() }));
}

// The weekly figures are recomputed in full each time (a few rows per week), so the table always
// matches the incidents: weeks without resolved incidents disappear, nothing is duplicated.
export async function replaceMttrWeeks(weeks: readonly MttrWeek[], computedAt: Date): Promise<void> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO mttr_weeks (week_start, incidents, mean_seconds, p50_seconds, p90_seconds, computed_at)
       SELECT to_timestamp(w / 1000.0), n, m, p50, p90, $6 FROM unnest($1::bigint[], $2::int[], $3::float8[], $4::float8[], $5::float8[]) AS u(w, n, m, p50, p90)
       ON CONFLICT (week_start) DO UPDATE SET incidents = EXCLUDED.incidents, mean_seconds = EXCLUDED.mean_seconds,
         p50_seconds = EXCLUDED.p50_seconds, p90_seconds = EXCLUDED.p90_seconds, computed_at = EXCLUDED.computed_at`,
      [weeks.map((w) => w.weekStart), weeks.map((w) => w.incidents), weeks.map((w) => w.meanSeconds), weeks.map((w) => w.p50Seconds), weeks.map((w) => w.p90Seconds), computedAt],
    );
    await client.query(`DELETE FROM mttr_weeks WHERE NOT (week_start = ANY($1::timestamptz[]))`, [weeks.map((w) => new Date(w.weekStart))]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
