import { getPool } from "@/lib/db/pool.ts";
import type { WorkloadRef } from "@/lib/domain/incident-signals.ts";

export type ClusterWorkloads = { workloads: WorkloadRef[]; podWorkloads: Map<string, WorkloadRef> };

// The workloads of the namespaces some alerts name, and the owners of the pods they name, per cluster: what
// lib/domain/alert-signals.ts alertWorkload needs to say whether Uptrust knows the workload an alert is about.
export async function readAlertWorkloads(targets: readonly { clusterId: string; namespace: string; pod: string | null }[]): Promise<Map<string, ClusterWorkloads>> {
  const out = new Map<string, ClusterWorkloads>();
  if (targets.length === 0) return out;
  const pool = getPool();
  const clusterIds = targets.map((t) => t.clusterId);
  const namespaces = targets.map((t) => t.namespace);
  const [workloads, pods] = await Promise.all([
    pool.query<{ cluster_id: string; kind: string; namespace: string; name: string }>(
      `SELECT DISTINCT w.cluster_id, w.kind::text AS kind, w.namespace, w.name
         FROM unnest($1::uuid[], $2::text[]) AS t(cluster_id, namespace)
         JOIN workloads w ON w.cluster_id = t.cluster_id AND w.namespace = t.namespace`,
      [clusterIds, namespaces],
    ),
    pool.query<{ cluster_id: string; namespace: string; name: string; kind: string; workload: string }>(
      `SELECT DISTINCT p.cluster_id, p.namespace, p.name, p.workload_kind::text AS kind, p.workload_name AS workload
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(cluster_id, namespace, name)
         JOIN pods p ON p.cluster_id = t.cluster_id AND p.namespace = t.namespace AND p.name = t.name
        WHERE p.workload_name IS NOT NULL AND p.workload_kind IS NOT NULL`,
      [clusterIds, namespaces, targets.map((t) => t.pod)],
    ),
  ]);
  const of = (clusterId: string) => {
    let c = out.get(clusterId);
    if (!c) out.set(clusterId, (c = { workloads: [], podWorkloads: new Map() }));
    return c;
  };
  for (const w of workloads.rows) of(w.cluster_id).workloads.push({ kind: w.kind, namespace: w.namespace, name: w.name });
  for (const p of pods.rows) of(p.cluster_id).podWorkloads.set(`${p.namespace}/${p.name}`, { kind: p.kind, namespace: p.namespace, name: p.workload });
  return out;
}
