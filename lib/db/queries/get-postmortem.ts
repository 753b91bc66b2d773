import { readSliSegments } from "@/lib/db/analyze/read-sli-segments.ts";
import { getPool } from "@/lib/db/pool.ts";
import { incidentBudget, incidentBudgetEdges, type BudgetSlo } from "@/lib/domain/incident-budget.ts";
import { buildPostmortem, type BudgetSpent } from "@/lib/domain/postmortem.ts";
import { getIncident } from "./get-incident.ts";

type SloRow = { id: string; name: string; target: number; window_days: number; calendar: string | null; computed_at: Date };

// Every evaluated SLO of the workload, over the window its page shows (ending at its last evaluation),
// read as the evaluator reads it (sums of days, hours and minutes): the incident's bad events in it and
// the bad events the window allows.
export async function readBudgets(incidentId: string, start: Date, end: Date): Promise<BudgetSpent[]> {
  const { rows } = await getPool().query<SloRow>(
    `SELECT s.id, s.name, s.target, s.window_days, s.calendar, st.computed_at
       FROM incidents i JOIN slos s ON s.workload_id = i.workload_id JOIN slo_status st ON st.slo_id = s.id
      WHERE i.id = $1 ORDER BY s.name`,
    [incidentId],
  );
  const incident = { start: start.getTime(), end: end.getTime() };
  const slos = rows.map((r) => {
    const slo: BudgetSlo = { name: r.name, target: r.target, windowDays: r.window_days, calendar: r.calendar === "month" || r.calendar === "week" ? r.calendar : null };
    return { id: r.id, slo, asOf: r.computed_at.getTime() };
  });
  const segments = await readSliSegments(slos.map((s) => ({ sloId: s.id, edges: incidentBudgetEdges(s.slo, s.asOf, incident) })));
  return slos.map((s) => incidentBudget(s.slo, s.asOf, segments.get(s.id) ?? [], incident));
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
