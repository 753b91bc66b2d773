import { getPool } from "@/lib/db/pool.ts";
import type { MttxRow } from "@/lib/views/mttx.ts";

// The analyzer's MTTx figures as stored (weeks sort by their ISO start, services and severities by name).
export async function getMttxStats(): Promise<MttxRow[]> {
  const { rows } = await getPool().query<MttxRow>(
    `SELECT metric, grouping AS "grouping", group_key AS "groupKey", incidents, mean_seconds AS "meanSeconds", p50_seconds AS "p50Seconds",
            p90_seconds AS "p90Seconds"
       FROM mttx_stats ORDER BY metric, grouping, group_key`,
  );
  return rows;
}
