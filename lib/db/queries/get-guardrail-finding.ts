import { getPool } from "@/lib/db/pool.ts";
import type { GuardrailFindingRow } from "@/lib/views/guardrails.ts";
import type { JsonValue } from "@/lib/views/json.ts";

export type GuardrailFindingDetail = {
  finding: GuardrailFindingRow;
  /** What the check read: the workload's spec facts, or the object's spec for RBAC and other kinds. */
  facts: { source: string; value: JsonValue } | null;
  /** Everything else found on the same workload or object. */
  siblings: GuardrailFindingRow[];
  score: { namespace: string; score: number; passed: number; warnings: number; dangers: number } | null;
};

type Row = { id: string; cluster_id: string; workload_id: string | null; cluster: string; namespace: string; target: string; check: string; severity: string; message: string; first_seen: Date };
const toRow = (f: Row): GuardrailFindingRow => ({
  id: f.id, cluster: f.cluster, namespace: f.namespace, target: f.target, check: f.check, severity: f.severity, message: f.message, firstSeen: f.first_seen.toISOString(),
});

// "Deployment shop/checkout container checkout" → the object kind and name a finding is about.
function objectOf(target: string): { kind: string; namespace: string; name: string } | null {
  const m = /^(\S+) (?:([^/\s]+)\/)?(\S+)/.exec(target);
  return m ? { kind: m[1], namespace: m[2] ?? "", name: m[3] } : null;
}

export async function getGuardrailFinding(id: string): Promise<GuardrailFindingDetail | null> {
  const pool = getPool();
  const select = `SELECT f.id, f.cluster_id, f.workload_id, c.name AS cluster, f.namespace, f.target, f."check" AS check, f.severity, f.message, f.first_seen
                    FROM guardrail_findings f JOIN clusters c ON c.id = f.cluster_id`;
  const { rows } = await pool.query<Row>(`${select} WHERE f.id = $1`, [id]);
  const f = rows[0];
  if (!f) return null;
  let facts: GuardrailFindingDetail["facts"] = null;
  if (f.workload_id) {
    const w = await pool.query<{ kind: string; namespace: string; name: string; facts: JsonValue }>(`SELECT kind::text AS kind, namespace, name, spec_facts AS facts FROM workloads WHERE id = $1`, [f.workload_id]);
    if (w.rows[0]) facts = { source: `${w.rows[0].kind} ${w.rows[0].namespace}/${w.rows[0].name}: pod template as ingested`, value: w.rows[0].facts };
  } else {
    const o = objectOf(f.target);
    const obj = o ? await pool.query<{ spec: JsonValue }>(`SELECT spec FROM kube_objects WHERE cluster_id = $1 AND kind = $2 AND namespace = $3 AND name = $4`, [f.cluster_id, o.kind, o.namespace, o.name]) : { rows: [] };
    if (o && obj.rows[0]) facts = { source: `${o.kind} ${o.namespace ? `${o.namespace}/` : ""}${o.name}: spec as ingested`, value: obj.rows[0].spec };
  }
  const siblings = await pool.query<Row>(
    `${select} WHERE f.cluster_id = $1 AND f.id <> $2 AND (($3::uuid IS NOT NULL AND f.workload_id = $3) OR ($3::uuid IS NULL AND f.target = $4)) ORDER BY (f.severity = 'danger') DESC, f.target`,
    [f.cluster_id, f.id, f.workload_id, f.target],
  );
  const score = await pool.query<{ namespace: string; score: number; passed: number; warnings: number; dangers: number }>(
    `SELECT namespace, score, passed, warnings, dangers FROM guardrail_scores WHERE cluster_id = $1 AND namespace = $2`,
    [f.cluster_id, f.namespace],
  );
  return { finding: toRow(f), facts, siblings: siblings.rows.map(toRow), score: score.rows[0] ?? null };
}
