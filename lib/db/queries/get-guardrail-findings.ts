import { getPool } from "@/lib/db/pool.ts";
import { FINDINGS_PER_PAGE, type GuardrailFilter } from "@/lib/domain/guardrail-filter.ts";
import { pageWindow } from "@/lib/domain/pagination.ts";
import type { GuardrailFindingsPage } from "@/lib/views/guardrail-findings.ts";
import type { GuardrailScoreRow } from "@/lib/views/guardrails.ts";

type Row = { id: string; cluster: string; namespace: string; target: string; check: string; severity: string; message: string; first_seen: Date };

// Every stored finding that passes the filters, dangers first, then the newest, a page at a time; the
// scores the analyzer stored for the same clusters and namespaces; and every cluster, namespace and check
// there are findings for, so the filters offer only what exists.
export async function getGuardrailFindings(filter: GuardrailFilter): Promise<GuardrailFindingsPage> {
  const pool = getPool();
  const params = [filter.clusters, filter.namespaces, filter.check, filter.severity, filter.service];
  // The service search matches the workload a finding is about, as the cockpit's scope does (scope-sql.ts).
  const where = `WHERE (cardinality($1::text[]) = 0 OR c.name = ANY($1)) AND (cardinality($2::text[]) = 0 OR f.namespace = ANY($2))
                   AND ($3::text IS NULL OR f."check" = $3) AND ($4::text IS NULL OR f.severity = $4)
                   AND ($5::text IS NULL OR strpos(lower(w.name), lower($5::text)) > 0)`;
  const from = `FROM guardrail_findings f JOIN clusters c ON c.id = f.cluster_id LEFT JOIN workloads w ON w.id = f.workload_id`;
  const [{ rows: [{ n }] }, scores, options] = await Promise.all([
    pool.query<{ n: number }>(`SELECT count(*)::int AS n ${from} ${where}`, params),
    pool.query<GuardrailScoreRow>(
      `SELECT c.name AS cluster, s.namespace, s.score, s.passed, s.warnings, s.dangers FROM guardrail_scores s JOIN clusters c ON c.id = s.cluster_id
        WHERE (cardinality($1::text[]) = 0 OR c.name = ANY($1)) AND (cardinality($2::text[]) = 0 OR s.namespace = ANY($2) OR s.namespace = '')
        ORDER BY c.name, s.namespace`,
      [filter.clusters, filter.namespaces],
    ),
    pool.query<{ kind: string; value: string; n: number }>(
      `SELECT 'cluster' AS kind, c.name AS value, count(*)::int AS n ${from} GROUP BY c.name
       UNION ALL SELECT 'namespace', f.namespace, count(*)::int ${from} WHERE f.namespace <> '' GROUP BY f.namespace
       UNION ALL SELECT 'check', f."check", count(*)::int ${from} GROUP BY f."check" ORDER BY 1, 2`,
    ),
  ]);
  const { page, pages, offset, limit } = pageWindow(n, filter.page, FINDINGS_PER_PAGE);
  const { rows } = await pool.query<Row>(
    `SELECT f.id, c.name AS cluster, f.namespace, f.target, f."check" AS check, f.severity, f.message, f.first_seen ${from} ${where}
      ORDER BY (f.severity = 'danger') DESC, f.first_seen DESC, f.target, f."check" LIMIT $6 OFFSET $7`,
    [...params, limit, offset],
  );
  const of = (kind: string) => options.rows.filter((o) => o.kind === kind);
  return {
    findings: rows.map(({ first_seen, ...f }) => ({ ...f, firstSeen: first_seen.toISOString() })),
    total: n,
    page,
    pages,
    perPage: FINDINGS_PER_PAGE,
    scores: scores.rows,
    options: { clusters: of("cluster").map((o) => o.value), namespaces: of("namespace").map((o) => o.value), checks: of("check").map((o) => ({ check: o.value, findings: o.n })) },
  };
}
