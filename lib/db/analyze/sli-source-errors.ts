import { getPool } from "@/lib/db/pool.ts";

export type SourceError = { sloId: string; message: string };

// The SLOs asked whose SLI could not be measured this cycle keep (or get) a row saying why, dated from
// when the failure began; every other SLO asked loses its row, since it was measured (or had nothing
// to measure).
export async function recordSliSourceErrors(sloIds: readonly string[], failed: readonly SourceError[], at: Date): Promise<void> {
  const pool = getPool();
  if (failed.length > 0) {
    await pool.query(
      `INSERT INTO sli_source_errors (slo_id, message, since, seen_at) SELECT id, m, $3, $3 FROM unnest($1::uuid[], $2::text[]) AS u(id, m)
       ON CONFLICT (slo_id) DO UPDATE SET message = EXCLUDED.message, seen_at = EXCLUDED.seen_at`,
      [failed.map((f) => f.sloId), failed.map((f) => f.message), at],
    );
  }
  await pool.query(`DELETE FROM sli_source_errors WHERE slo_id = ANY($1::uuid[]) AND NOT (slo_id = ANY($2::uuid[]))`, [sloIds, failed.map((f) => f.sloId)]);
}
