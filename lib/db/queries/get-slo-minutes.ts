import { getPool } from "@/lib/db/pool.ts";
import { pageWindow } from "@/lib/domain/pagination.ts";
import type { MinutePage } from "@/lib/views/slo-history.ts";

export const MINUTES_PER_PAGE = 30;

// The measured minutes (those with events) of one SLO, newest first, one page at a time: the facts every
// figure on the SLO page is summed from. A page past the last shows the last.
export async function getSloMinutes(sloId: string, page: number): Promise<MinutePage> {
  const pool = getPool();
  const { rows: [{ n }] } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM sli_samples WHERE slo_id = $1 AND total > 0`, [sloId]);
  const { page: current, pages, offset, limit } = pageWindow(n, page, MINUTES_PER_PAGE);
  const { rows } = await pool.query<{ ts: Date; good: number; total: number }>(
    `SELECT ts, good, total FROM sli_samples WHERE slo_id = $1 AND total > 0 ORDER BY ts DESC LIMIT $2 OFFSET $3`,
    [sloId, limit, offset],
  );
  return { rows: rows.map((r) => ({ ts: r.ts.toISOString(), good: r.good, total: r.total })), page: current, pages, total: n, perPage: MINUTES_PER_PAGE };
}
