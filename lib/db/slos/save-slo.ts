import { getPool } from "@/lib/db/pool.ts";
import { withTransaction } from "@/lib/db/with-transaction.ts";
import type { SloSpec } from "@/lib/slo/slo-spec.ts";

export type WorkloadMatch = { id: string; cluster: string; namespace: string; name: string };

// A service as SLO files name it: "namespace/name", or a bare name that must match exactly one live
// workload (in the cluster given, if any). The error says how to make an ambiguous name exact.
export async function resolveService(service: string, cluster?: string): Promise<WorkloadMatch | string> {
  const [ns, name] = service.includes("/") ? service.split("/", 2) : [null, service];
  const { rows } = await getPool().query<WorkloadMatch>(
    `SELECT w.id, c.name AS cluster, w.namespace, w.name FROM workloads w JOIN clusters c ON c.id = w.cluster_id
      WHERE w.deleted_at IS NULL AND w.name = $1 AND ($2::text IS NULL OR w.namespace = $2) AND ($3::text IS NULL OR c.name = $3)
      ORDER BY c.name, w.namespace`,
    [name, ns, cluster ?? null],
  );
  const where = cluster ? ` in cluster ${cluster}` : "";
  if (rows.length === 0) return `no workload ${service}${where}: name one Uptrust watches, as namespace/name`;
  if (rows.length > 1) return `${service} matches ${rows.map((r) => `${r.namespace}/${r.name} in ${r.cluster}`).join(", ")}: write namespace/name${cluster ? "" : " and choose the cluster"}`;
  return rows[0];
}

export type SavedSlo = { id: string; created: boolean; redefined: boolean };

// Creates or redefines the workload's SLO of that name. A redefinition that changes what is measured
// drops the SLO's minutes, status and charges, so nothing computed under the old definition survives;
// the analyzer rebuilds them from the facts on its next cycle.
export async function saveSlo(workloadId: string, spec: SloSpec, origin: string, sourceYaml: string | null): Promise<SavedSlo> {
  return withTransaction(async (client) => {
    const before = await client.query<{ id: string; fingerprint: string }>(
      `SELECT id, concat_ws('|', indicator, target, threshold_ms, window_days, calendar, budgeting, timeslice_target, sli_query::text) AS fingerprint FROM slos WHERE workload_id = $1 AND name = $2 FOR UPDATE`,
      [workloadId, spec.name],
    );
    const { rows } = await client.query<{ id: string; fingerprint: string }>(
      `INSERT INTO slos (workload_id, name, indicator, target, threshold_ms, window_days, calendar, budgeting, timeslice_target, description, origin, source_yaml, sli_query)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (workload_id, name) DO UPDATE SET indicator = EXCLUDED.indicator, target = EXCLUDED.target, threshold_ms = EXCLUDED.threshold_ms,
         window_days = EXCLUDED.window_days, calendar = EXCLUDED.calendar, budgeting = EXCLUDED.budgeting, timeslice_target = EXCLUDED.timeslice_target,
         description = EXCLUDED.description, origin = EXCLUDED.origin, source_yaml = EXCLUDED.source_yaml, sli_query = EXCLUDED.sli_query
       RETURNING id, concat_ws('|', indicator, target, threshold_ms, window_days, calendar, budgeting, timeslice_target, sli_query::text) AS fingerprint`,
      [workloadId, spec.name, spec.indicator, spec.target, spec.thresholdMs, spec.windowDays, spec.calendar, spec.budgeting, spec.timesliceTarget, spec.description, origin, sourceYaml, spec.query ? JSON.stringify(spec.query) : null],
    );
    const saved = rows[0];
    const old = before.rows[0];
    const redefined = old !== undefined && old.fingerprint !== saved.fingerprint;
    if (redefined) {
      for (const table of ["sli_samples", "sli_bad_minutes", "sli_hours", "sli_days", "slo_status", "budget_charges"]) await client.query(`DELETE FROM ${table} WHERE slo_id = $1`, [saved.id]);
    }
    return { id: saved.id, created: old === undefined, redefined };
  });
}
