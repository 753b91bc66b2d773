import { getPool } from "@/lib/db/pool.ts";
import type { GuardrailFindingRow } from "@/lib/views/guardrails.ts";

// One workload's failed guardrail checks from the latest check: dangers first, then the newest.
export async function getServiceGuardrails(workloadId: string): Promise<GuardrailFindingRow[]> {
  const { rows } = await getPool().query<{ id: string; cluster: string; namespace: string; target: string; check: string; severity: string; message: string; first_seen: Date }>(
    `SELECT f.id, c.name AS cluster, f.namespace, f.target, f."check" AS check, f.severity, f.message, f.first_seen
       FROM guardrail_findings f JOIN clusters c ON c.id = f.cluster_id
      WHERE f.workload_id = $1
      ORDER BY (f.severity = 'danger') DESC, f.first_seen DESC, f."check"`,
    [workloadId],
  );
  return rows.map(({ first_seen, ...f }) => ({ ...f, firstSeen: first_seen.toISOString() }));
}
