import { getPool } from "@/lib/db/pool.ts";
import type { GuardrailsView } from "@/lib/views/guardrails.ts";

// The guardrail scores and the findings that cost the most (dangers first, then the newest), read
// from what the analyzer stored: the cockpit never re-runs the checks.
const TOP = 12;

export async function getGuardrails(): Promise<GuardrailsView> {
  const pool = getPool();
  const [scores, findings, counts] = await Promise.all([
    pool.query<{ cluster: string; namespace: string; score: number; passed: number; warnings: number; dangers: number }>(
      `SELECT c.name AS cluster, s.namespace, s.score, s.passed, s.warnings, s.dangers
         FROM guardrail_scores s JOIN clusters c ON c.id = s.cluster_id ORDER BY c.name, s.namespace`,
    ),
    pool.query<{ id: string; cluster: string; namespace: string; target: string; check: string; severity: string; message: string; first_seen: Date }>(
      `SELECT f.id, c.name AS cluster, f.namespace, f.target, f."check" AS check, f.severity, f.message, f.first_seen
         FROM guardrail_findings f JOIN clusters c ON c.id = f.cluster_id
        ORDER BY (f.severity = 'danger') DESC, f.first_seen DESC, f.target LIMIT ${TOP}`,
    ),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM guardrail_findings`),
  ]);
  return {
    scores: scores.rows,
    findings: findings.rows.map(({ first_seen, ...f }) => ({ ...f, firstSeen: first_seen.toISOString() })),
    totalFindings: counts.rows[0].n,
  };
}
