import type pg from "pg";
import type { NamespaceRow, NodeRow } from "@/lib/k8s/map-node.ts";

// updated_at holds the cluster time of the state stored (observed-at), never the ingest's clock.

export async function upsertNamespaces(db: pg.Pool, clusterId: string, rows: NamespaceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO namespaces (cluster_id, uid, name, labels, created_at, updated_at, deleted_at)
     SELECT $1, u, n, l::jsonb, c, o, NULL
       FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[]) AS t(u, n, l, c, o)
     ON CONFLICT (cluster_id, name) DO UPDATE SET uid = EXCLUDED.uid, labels = EXCLUDED.labels,
       created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, deleted_at = NULL`,
    [clusterId, rows.map((r) => r.uid), rows.map((r) => r.name), rows.map((r) => JSON.stringify(r.labels)), rows.map((r) => r.createdAt), rows.map((r) => r.observedAt)],
  );
}

export async function upsertNodes(db: pg.Pool, clusterId: string, rows: NodeRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO nodes (cluster_id, uid, name, labels, ready, conditions, allocatable_cpu_millis, allocatable_memory_bytes,
                        kubelet_version, created_at, updated_at, deleted_at)
     SELECT $1, u, n, l::jsonb, r, cd::jsonb, cpu, mem, kv, c, o, NULL
       FROM unnest($2::text[], $3::text[], $4::text[], $5::bool[], $6::text[], $7::int[], $8::bigint[], $9::text[],
                   $10::timestamptz[], $11::timestamptz[]) AS t(u, n, l, r, cd, cpu, mem, kv, c, o)
     ON CONFLICT (cluster_id, name) DO UPDATE SET uid = EXCLUDED.uid, labels = EXCLUDED.labels, ready = EXCLUDED.ready,
       conditions = EXCLUDED.conditions, allocatable_cpu_millis = EXCLUDED.allocatable_cpu_millis,
       allocatable_memory_bytes = EXCLUDED.allocatable_memory_bytes, kubelet_version = EXCLUDED.kubelet_version,
       created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, deleted_at = NULL`,
    [
      clusterId,
      rows.map((r) => r.uid),
      rows.map((r) => r.name),
      rows.map((r) => JSON.stringify(r.labels)),
      rows.map((r) => r.ready),
      rows.map((r) => JSON.stringify(r.conditions)),
      rows.map((r) => r.allocatableCpuMillis),
      rows.map((r) => r.allocatableMemoryBytes),
      rows.map((r) => r.kubeletVersion),
      rows.map((r) => r.createdAt),
      rows.map((r) => r.observedAt),
    ],
  );
}

type Table = "namespaces" | "nodes" | "pods" | "workloads";

/** Marks rows deleted by uid (a watch DELETE) at the cluster time the deletion was seen. */
export async function markDeleted(db: pg.Pool, table: Table, clusterId: string, uids: string[], at: Date): Promise<void> {
  if (uids.length === 0) return;
  await db.query(`UPDATE ${table} SET deleted_at = $3 WHERE cluster_id = $1 AND uid = ANY($2::text[]) AND deleted_at IS NULL`, [clusterId, uids, at]);
}

/**
 * After a full list, anything still marked alive but absent from the list was deleted while Uptrust
 * was not watching (worker down, cluster unreachable). Its exact deletion time is unknown: the list's
 * cluster time is the earliest Uptrust can vouch for.
 */
export async function markMissingDeleted(
  db: pg.Pool,
  table: Table,
  clusterId: string,
  listedUids: string[],
  at: Date,
  kind?: string,
): Promise<number> {
  const kindFilter = kind ? ` AND kind = $4::"WorkloadKind"` : "";
  const params: unknown[] = [clusterId, listedUids, at];
  if (kind) params.push(kind);
  const result = await db.query(
    `UPDATE ${table} SET deleted_at = $3 WHERE cluster_id = $1 AND deleted_at IS NULL AND NOT (uid = ANY($2::text[]))${kindFilter}`,
    params,
  );
  return result.rowCount ?? 0;
}
