import { getPool } from "@/lib/db/pool.ts";

// One check's outcome replaces the last one's in a single transaction: findings still failing keep
// their first_seen (how long a violation has stood is what a review asks), fixed ones disappear, and
// every namespace's score is written beside the cluster's (namespace '').

export type FindingRow = { workloadId: string | null; namespace: string; target: string; check: string; severity: string; message: string };
export type ScoreRow = { namespace: string; score: number; passed: number; warnings: number; dangers: number };

export async function saveGuardrails(clusterId: string, findings: FindingRow[], scores: ScoreRow[], at: Date): Promise<{ added: number }> {
  const client = await getPool().connect();
  const col = <K extends keyof FindingRow>(k: K) => findings.map((f) => f[k]);
  try {
    await client.query("BEGIN");
    await client.query(
      `DELETE FROM guardrail_findings f WHERE f.cluster_id = $1
         AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS t(target, chk) WHERE t.target = f.target AND t.chk = f."check")`,
      [clusterId, col("target"), col("check")],
    );
    const kept = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM guardrail_findings WHERE cluster_id = $1`, [clusterId]);
    await client.query(
      `INSERT INTO guardrail_findings (cluster_id, workload_id, namespace, target, "check", severity, message, first_seen)
       SELECT $1, w::uuid, ns, t, c, s, m, $8 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(w, ns, t, c, s, m)
       ON CONFLICT (cluster_id, target, "check") DO UPDATE SET workload_id = EXCLUDED.workload_id, namespace = EXCLUDED.namespace,
         severity = EXCLUDED.severity, message = EXCLUDED.message`,
      [clusterId, col("workloadId"), col("namespace"), col("target"), col("check"), col("severity"), col("message"), at],
    );
    await client.query(`DELETE FROM guardrail_scores WHERE cluster_id = $1`, [clusterId]);
    await client.query(
      `INSERT INTO guardrail_scores (cluster_id, namespace, score, passed, warnings, dangers, computed_at)
       SELECT $1, * , $7 FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::int[])`,
      [clusterId, scores.map((s) => s.namespace), scores.map((s) => s.score), scores.map((s) => s.passed), scores.map((s) => s.warnings), scores.map((s) => s.dangers), at],
    );
    await client.query("COMMIT");
    // Every finding still standing was kept by the delete; the rest are new violations.
    return { added: findings.length - kept.rows[0].n };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
