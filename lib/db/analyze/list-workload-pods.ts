import { getPool } from "@/lib/db/pool.ts";

export type WorkloadPod = { namespace: string; kind: string; workloadName: string; pod: string };

// The pods of the given workloads that lived in [since, now]: running ones and those deleted since (a rollout's
// old pods hold most of two weeks of history), by name, as Prometheus labels cAdvisor's series with them.
type WorkloadRef = { namespace: string; kind: string; workloadName: string };

export async function listWorkloadPods(clusterId: string, workloads: readonly WorkloadRef[], since: Date): Promise<WorkloadPod[]> {
  if (workloads.length === 0) return [];
  const { rows } = await getPool().query<WorkloadPod>(
    `SELECT DISTINCT p.namespace, p.workload_kind::text AS kind, p.workload_name AS "workloadName", p.name AS pod
       FROM unnest($2::text[], $3::text[], $4::text[]) AS t(namespace, kind, name)
       JOIN pods p ON p.cluster_id = $1 AND p.namespace = t.namespace AND p.workload_kind::text = t.kind AND p.workload_name = t.name
      WHERE p.deleted_at IS NULL OR p.deleted_at >= $5
      ORDER BY 1, 4`,
    [clusterId, workloads.map((w) => w.namespace), workloads.map((w) => w.kind), workloads.map((w) => w.workloadName), since],
  );
  return rows;
}
