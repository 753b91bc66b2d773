import { getPool } from "@/lib/db/pool.ts";
import type { ServiceWorkload } from "@/lib/views/service.ts";

export type ServiceWorkloadRow = ServiceWorkload & {
  clusterId: string;
  /** The cluster's newest report: "now" on the service page's axis (null before it reported anything). */
  clusterTime: Date | null;
};

type Row = {
  id: string; cluster_id: string; last_event_at: Date | null; desired: number; ready: number; available: number;
  revision: string | null; template: { containers?: { name?: string; image?: string }[] } | null; deleted: boolean;
};

// One workload by the names a person types (cluster, namespace, kind, name), deleted ones included: its
// history stays readable after it is gone. null when Uptrust never saw it.
export async function getServiceWorkload(ref: { cluster: string; namespace: string; kind: string; name: string }): Promise<ServiceWorkloadRow | null> {
  const { rows } = await getPool().query<Row>(
    `SELECT w.id, w.cluster_id, c.last_event_at, w.desired_replicas AS desired, w.ready_replicas AS ready,
            w.available_replicas AS available, w.revision, w.template, w.deleted_at IS NOT NULL AS deleted
       FROM workloads w JOIN clusters c ON c.id = w.cluster_id
      WHERE c.name = $1 AND w.namespace = $2 AND w.kind::text = $3 AND w.name = $4`,
    [ref.cluster, ref.namespace, ref.kind, ref.name],
  );
  const r = rows[0];
  if (!r) return null;
  const images = (r.template?.containers ?? []).flatMap((c) => (c.name && c.image ? [{ container: c.name, image: c.image }] : []));
  return {
    id: r.id, clusterId: r.cluster_id, clusterTime: r.last_event_at, desired: r.desired, ready: r.ready, available: r.available,
    revision: r.revision, images, deleted: r.deleted,
  };
}
