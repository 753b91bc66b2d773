// bench:web's baseline for the server figures: the rows the unscoped cockpit reads, fetched with bare
// SELECTs (no joins, no ordering, no mapping) over the same pool getCockpit uses, all at once as the
// cockpit's sections are. What the cockpit costs beyond this is its joins, its shaping and the web.
// The same rows and columns: every SLO's headline and the largest charge to a change, a dozen whole SLOs
// with their day of hour sums, every suggestion with the basis keys a row reads.
import type pg from "pg";
import { ROW_BASIS_KEYS } from "@/lib/db/queries/recommendation-basis.ts";
import { COCKPIT_TOP } from "@/lib/domain/cockpit-assembly.ts";

const DAY_MS = 86_400_000;
const TOP = COCKPIT_TOP.slos;

export async function bareCockpitRows(pool: pg.Pool, now: Date): Promise<number> {
  const day = new Date(now.getTime() - DAY_MS);
  const week = new Date(now.getTime() - 7 * DAY_MS);
  const reads: [string, unknown[]][] = [
    [`SELECT * FROM clusters`, []],
    [`SELECT * FROM ingest_leases`, []],
    [`SELECT id, name, indicator, workload_id FROM slos`, []],
    [`SELECT slo_id, computed_at, alert, budget_remaining FROM slo_status`, []],
    [`SELECT slo_id, change_id, description, spent FROM budget_charges WHERE change_id IS NOT NULL`, []],
    [`SELECT * FROM slos LIMIT ${TOP}`, []],
    [`SELECT * FROM slo_status LIMIT ${TOP}`, []],
    [`SELECT slo_id, hour, good, total FROM sli_hours WHERE hour > $1 AND slo_id IN (SELECT id FROM slos LIMIT ${TOP})`, [day]],
    [`SELECT * FROM incidents WHERE resolved_at IS NULL OR started_at >= $1 OR resolved_at >= $1`, [week]],
    [`SELECT * FROM mttr_weeks`, []],
    [`SELECT * FROM mttx_stats`, []],
    [`SELECT id, workload_id, container, strategy, current_cpu_request_millis, current_memory_request_bytes, current_memory_limit_bytes,
             current_cpu_limit_millis, cpu_request_millis, memory_request_bytes, memory_limit_bytes, replicas, held, held_reason, computed_at,
             ${ROW_BASIS_KEYS.map((k) => `basis -> '${k}'`).join(", ")} FROM recommendations`, []],
    [`SELECT * FROM workloads`, []],
    [`SELECT * FROM guardrail_scores`, []],
    [`SELECT * FROM guardrail_findings LIMIT 12`, []],
    [`SELECT * FROM capacity_forecasts`, []],
    [`SELECT * FROM capacity_points`, []],
  ];
  const results = await Promise.all(reads.map(([sql, params]) => pool.query(sql, params)));
  return results.reduce((n, r) => n + r.rowCount!, 0);
}
