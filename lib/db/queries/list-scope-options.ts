import { getPool } from "@/lib/db/pool.ts";
import type { ScopeOptions } from "@/lib/views/scope-options.ts";

// The clusters Uptrust knows (every one, even before it reports a workload) and the namespaces their live
// workloads run in: what the scope controls offer. Unscoped on purpose, so narrowing never hides a choice.
export async function listScopeOptions(): Promise<ScopeOptions> {
  const { rows } = await getPool().query<{ name: string; namespaces: string[] }>(
    `SELECT c.name, COALESCE(array_agg(DISTINCT w.namespace ORDER BY w.namespace) FILTER (WHERE w.namespace IS NOT NULL), '{}') AS namespaces
       FROM clusters c LEFT JOIN workloads w ON w.cluster_id = c.id AND w.deleted_at IS NULL
      GROUP BY c.name ORDER BY c.name`,
  );
  return { clusters: rows.map((r) => ({ name: r.name, namespaces: r.namespaces })) };
}
