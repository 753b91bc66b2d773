import { getPool } from "@/lib/db/pool.ts";
import type { KnownNames } from "@/lib/domain/share-names.ts";

// The names a responder may type into a note without saying what they are ("on node-b", a pod name):
// every node of the incident's cluster and every pod Uptrust has seen of its workload.
export async function readClusterNames(incidentId: string): Promise<KnownNames> {
  const [nodes, pods] = await Promise.all([
    getPool().query<{ name: string }>(
      `SELECT n.name FROM nodes n JOIN incidents i ON i.cluster_id = n.cluster_id WHERE i.id = $1`,
      [incidentId],
    ),
    getPool().query<{ name: string }>(
      `SELECT p.name FROM pods p JOIN incidents i ON i.cluster_id = p.cluster_id JOIN workloads w ON w.id = i.workload_id
        WHERE i.id = $1 AND p.namespace = w.namespace AND p.workload_name = w.name`,
      [incidentId],
    ),
  ]);
  return { nodes: nodes.rows.map((r) => r.name), pods: pods.rows.map((r) => r.name) };
}
