import { getPool } from "@/lib/db/pool.ts";

export type RightsizingTarget = {
  workloadId: string;
  kind: string;
  namespace: string;
  workloadName: string;
  container: string;
  replicas: number;
  cpuRequestMillis: number | null;
  cpuLimitMillis: number | null;
  memoryRequestBytes: number | null;
  memoryLimitBytes: number | null;
  oomKilledSince: boolean;
  /** Whether its stored recommendation was computed for the requests, limits and replicas it has now
   * (false when none is stored yet, as for one still waiting for history). */
  upToDate: boolean;
};

// One row per container of each live workload, with the requests of its newest live pod (the current
// template) and whether any of its pods was OOMKilled since `oomSince`.
export async function listRightsizingTargets(clusterId: string, oomSince: Date): Promise<RightsizingTarget[]> {
  const { rows } = await getPool().query<RightsizingTarget>(
    `SELECT DISTINCT ON (w.id, c.name)
            w.id AS "workloadId", w.kind::text AS kind, w.namespace, w.name AS "workloadName", c.name AS container,
            greatest(w.desired_replicas, 1) AS replicas,
            c.request_cpu_millis AS "cpuRequestMillis", c.limit_cpu_millis AS "cpuLimitMillis", c.request_memory_bytes AS "memoryRequestBytes", c.limit_memory_bytes AS "memoryLimitBytes",
            EXISTS (SELECT 1 FROM containers oc JOIN pods op ON op.id = oc.pod_id
                     WHERE op.cluster_id = w.cluster_id AND op.namespace = w.namespace AND op.workload_kind = w.kind
                       AND op.workload_name = w.name AND oc.name = c.name
                       AND oc.last_termination_reason = 'OOMKilled' AND oc.last_terminated_at >= $2) AS "oomKilledSince",
            EXISTS (SELECT 1 FROM recommendations r WHERE r.workload_id = w.id AND r.container = c.name AND r.replicas = greatest(w.desired_replicas, 1)
                       AND r.current_cpu_request_millis IS NOT DISTINCT FROM c.request_cpu_millis AND r.current_cpu_limit_millis IS NOT DISTINCT FROM c.limit_cpu_millis
                       AND r.current_memory_request_bytes IS NOT DISTINCT FROM c.request_memory_bytes AND r.current_memory_limit_bytes IS NOT DISTINCT FROM c.limit_memory_bytes) AS "upToDate"
       FROM workloads w
       JOIN pods p ON p.cluster_id = w.cluster_id AND p.namespace = w.namespace AND p.workload_kind = w.kind AND p.workload_name = w.name AND p.deleted_at IS NULL
       JOIN containers c ON c.pod_id = p.id
      WHERE w.cluster_id = $1 AND w.deleted_at IS NULL
      ORDER BY w.id, c.name, p.created_at DESC NULLS LAST`,
    [clusterId, oomSince],
  );
  return rows;
}
