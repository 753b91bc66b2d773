import { getPool } from "@/lib/db/pool.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { GuardrailsView } from "@/lib/views/guardrails.ts";
import { scopeWhere } from "./scope-sql.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";

// The guardrail scores and the findings that cost the most (dangers first, then the newest), read
// from what the analyzer stored: the cockpit never re-runs the checks. Findings describe the workloads
// as they are now, so the time range does not narrow them; clusters and namespaces narrow scores and
// findings, a service search the findings about matching workloads (a namespace's findings, such as a
// missing NetworkPolicy, belong to no service). With namespaces chosen, their scores replace the
// cluster-wide one.
const TOP = 12;

export async function getGuardrails(scope: Scope = EVERYTHING): Promise<GuardrailsView> {
  const pool = getPool();
  const scoreParams: unknown[] = [];
  const scoreWhere = scopeWhere(scope, { cluster: "c.name", namespace: "s.namespace" }, scoreParams);
  const findingParams: unknown[] = [];
  const findingWhere = scopeWhere(scope, { cluster: "c.name", namespace: "f.namespace", name: "w.name" }, findingParams);
  const [scores, findings] = await Promise.all([
    pool.query<{ cluster: string; namespace: string; score: number; passed: number; warnings: number; dangers: number }>(
      `SELECT c.name AS cluster, s.namespace, s.score, s.passed, s.warnings, s.dangers
         FROM guardrail_scores s JOIN clusters c ON c.id = s.cluster_id WHERE ${scoreWhere} ORDER BY c.name, s.namespace`,
      scoreParams,
    ),
    // The total rides along on every row (a window count over all matches, before the LIMIT).
    pool.query<{ id: string; cluster: string; namespace: string; target: string; check: string; severity: string; message: string; first_seen: Date; total: number }>(
      `SELECT f.id, c.name AS cluster, f.namespace, f.target, f."check" AS check, f.severity, f.message, f.first_seen, count(*) OVER ()::int AS total
         FROM guardrail_findings f JOIN clusters c ON c.id = f.cluster_id LEFT JOIN workloads w ON w.id = f.workload_id
        WHERE ${findingWhere}
        ORDER BY (f.severity = 'danger') DESC, f.first_seen DESC, f.target LIMIT ${TOP}`,
      findingParams,
    ),
  ]);
  return {
    scores: scores.rows,
    findings: findings.rows.map((f) => ({
      id: f.id, cluster: f.cluster, namespace: f.namespace, target: f.target, check: f.check, severity: f.severity, message: f.message,
      firstSeen: f.first_seen.toISOString(),
    })),
    totalFindings: findings.rows[0]?.total ?? 0,
  };
}
