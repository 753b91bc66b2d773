import type pg from "pg";

// Monthly partitions for events, log lines and usage: last month (late data, emulated pasts) through
// the month after next, so inserts never land in the catch-all default partition in normal operation.
export async function ensureMonthPartitions(db: pg.Pool): Promise<void> {
  await db.query(`SELECT uptrust_ensure_month_partitions(now() - interval '1 month', 3)`);
}
