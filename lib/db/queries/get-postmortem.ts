import { getPool } from "@/lib/db/pool.ts";
import { buildPostmortem, type BudgetSpent } from "@/lib/domain/postmortem.ts";
import { getIncident } from "./get-incident.ts";

type BudgetRow = { name: string; target: number; window_days: number; bad: number; window_total: number };

// Every SLO of the workload: bad events during [start, end) and all events in its window ending at
// `end`, read from the per-minute SLI samples (the analyzer's rollup, never the raw facts).
async function readBudgets(incidentId: string, start: Date, end: Date): Promise<BudgetSpent[]> {
  const { rows } = await getPool().query<BudgetRow>(
    `SELECT s.name, s.target, s.window_days,
            coalesce(sum(x.total - x.good) FILTER (WHERE x.ts >= $2), 0)::float8 AS bad,
            coalesce(sum(x.total), 0)::float8 AS window_total
       FROM incidents i JOIN slos s ON s.workload_id = i.workload_id
       LEFT JOIN sli_samples x ON x.slo_id = s.id AND x.ts < $3 AND x.ts >= $3::timestamptz - make_interval(days => s.window_days)
      WHERE i.id = $1
      GROUP BY s.id, s.name, s.target, s.window_days
     HAVING count(x.ts) FILTER (WHERE x.ts >= $2) > 0
      ORDER BY s.name`,
    [incidentId, start, end],
  );
  return rows.map((r) => ({ slo: r.name, target: r.target, windowDays: r.window_days, badEvents: r.bad, windowEvents: r.window_total }));
}

// The postmortem draft of one incident as Markdown, or null when there is no such incident.
export async function getPostmortem(id: string, now: Date = new Date()): Promise<string | null> {
  const detail = await getIncident(id, now);
  if (!detail) return null;
  const { incident: i } = detail;
  const end = new Date(i.resolvedAt ?? detail.asOf);
  const budgets = await readBudgets(id, new Date(i.startedAt), end);
  return buildPostmortem({ ...i, asOf: detail.asOf, causes: detail.causes, timeline: detail.timeline, budgets });
}
