import { getPool } from "@/lib/db/pool.ts";
import type { MttrPoint } from "@/lib/views/mttx.ts";
import { iso } from "./map-rows.ts";

const WEEKS = 12;

// The newest `weeks` weeks the analyzer stored (all of them with null), oldest first.
export async function getMttrWeeks(weeks: number | null = WEEKS): Promise<MttrPoint[]> {
  const { rows } = await getPool().query<{ week_start: Date; incidents: number; mean_seconds: number; p50_seconds: number; p90_seconds: number }>(
    `SELECT week_start, incidents, mean_seconds, p50_seconds, p90_seconds FROM mttr_weeks ORDER BY week_start DESC LIMIT $1`,
    [weeks],
  );
  return rows.reverse().map((w) => ({
    weekStart: iso(w.week_start),
    incidents: w.incidents,
    meanSeconds: w.mean_seconds,
    p50Seconds: w.p50_seconds,
    p90Seconds: w.p90_seconds,
  }));
}
