import type pg from "pg";
import { ROLLUP_RETENTION_DAYS } from "./rollup-usage.ts";

// Partition upkeep and retention, run by every ingest worker at start and hourly. One worker at a time
// (an advisory lock: DDL from two workers at once would only wait on each other). Old facts go by
// dropping whole partitions, which is instant and leaves no bloat; the small rollup table is trimmed
// by row.

export type Retention = { factsDays: number; usageDays: number };
export type Upkeep = { dropped: string[]; rollupsDeleted: number } | undefined;

const LOCK_KEY = 7_231_002;

export async function partitionUpkeep(db: pg.Pool, retention: Retention): Promise<Upkeep> {
  const client = await db.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1) AS locked`, [LOCK_KEY]);
    if (!rows[0].locked) return undefined; // another worker is doing it right now
    try {
      // Last month (late data, replayed pasts) through the month after next; usage by day, over its
      // whole retention (a replayed past lands in its own day) and 8 days ahead.
      await client.query(`SELECT uptrust_ensure_month_partitions(now() - interval '1 month', 3)`);
      await client.query(`SELECT uptrust_ensure_day_partitions('usage_samples', now() - make_interval(days => $1), $1 + 8)`, [retention.usageDays]);
      const dropped: string[] = [];
      for (const [table, days] of [["k8s_events", retention.factsDays], ["log_lines", retention.factsDays], ["usage_samples", retention.usageDays]] as const) {
        const r = await client.query<{ name: string }>(`SELECT uptrust_drop_partitions_before($1, now() - make_interval(days => $2)) AS name`, [table, days]);
        dropped.push(...r.rows.map((x) => x.name));
      }
      const trimmed = await client.query(`DELETE FROM usage_rollups_5m WHERE bucket < now() - make_interval(days => $1)`, [ROLLUP_RETENTION_DAYS]);
      // Node usage is few rows: kept as long as the rollups, for capacity trends.
      await client.query(`DELETE FROM node_usage WHERE ts < now() - make_interval(days => $1)`, [ROLLUP_RETENTION_DAYS]);
      return { dropped, rollupsDeleted: trimmed.rowCount ?? 0 };
    } finally {
      await client.query(`SELECT pg_advisory_unlock($1)`, [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
