// bench:web's baseline for the server figures: the rows the unscoped cockpit reads, fetched with bare
// SELECTs (no joins, no ordering, no mapping) over the same pool getCockpit uses, all at once as the
// cockpit's sections are. What the cockpit costs beyond this is its joins, its shaping and the web.
import type pg from "pg";

const DAY_MS = 86_400_000;

export async function bareCockpitRows(pool: pg.Pool, now: Date): Promise<number> {
  const day = new Date(now.getTime() - DAY_MS);
  const week = new Date(now.getTime() - 7 * DAY_MS);
  const reads: [string, unknown[]][] = [
    [`SELECT * FROM clusters`, []],
    [`SELECT * FROM ingest_leases`, []],
    [`SELECT * FROM slos`, []],
    [`SELECT slo_id, computed_at, sli, budget_remaining, burn_rate_1h, burn_rate_6h, burn_rate_30d, alert, explanation, exhausted_at, measured_since FROM slo_status`, []],
    [`SELECT slo_id, position, change_id, description, spent FROM budget_charges WHERE position < 3`, []],
    [`SELECT slo_id, hour, good, total FROM sli_hours WHERE hour > $1`, [day]],
    [`SELECT * FROM incidents WHERE resolved_at IS NULL OR started_at >= $1 OR resolved_at >= $1`, [week]],
    [`SELECT * FROM mttr_weeks`, []],
    [`SELECT * FROM mttx_stats`, []],
    [`SELECT * FROM recommendations`, []],
    [`SELECT * FROM workloads`, []],
    [`SELECT * FROM guardrail_scores`, []],
    [`SELECT * FROM guardrail_findings LIMIT 12`, []],
    [`SELECT * FROM capacity_forecasts`, []],
    [`SELECT * FROM capacity_points`, []],
  ];
  const results = await Promise.all(reads.map(([sql, params]) => pool.query(sql, params)));
  return results.reduce((n, r) => n + r.rowCount!, 0);
}
