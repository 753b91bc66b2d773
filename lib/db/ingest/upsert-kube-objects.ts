import type pg from "pg";
import type { KubeObjectRow } from "@/lib/k8s/map-kube-object.ts";

// Current state of the other kinds, many rows per statement; a delete sets deleted_at (the object's
// history stays readable for the incident that involved it).

export async function upsertKubeObjects(db: pg.Pool, clusterId: string, rows: KubeObjectRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof KubeObjectRow>(k: K) => rows.map((r) => r[k]);
  await db.query(
    `INSERT INTO kube_objects (cluster_id, api_version, kind, namespace, name, uid, labels, owner_kind, owner_name, spec, status, created_at, updated_at, deleted_at)
     SELECT $1, av, k, ns, n, u, l::jsonb, ok, onm, sp::jsonb, st::jsonb, c, up, NULL
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                   $12::timestamptz[], $13::timestamptz[]) AS t(av, k, ns, n, u, l, ok, onm, sp, st, c, up)
     ON CONFLICT (cluster_id, kind, namespace, name) DO UPDATE SET api_version = EXCLUDED.api_version, uid = EXCLUDED.uid,
       labels = EXCLUDED.labels, owner_kind = EXCLUDED.owner_kind, owner_name = EXCLUDED.owner_name, spec = EXCLUDED.spec,
       status = EXCLUDED.status, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, deleted_at = NULL`,
    [
      clusterId, col("apiVersion"), col("kind"), col("namespace"), col("name"), col("uid"), rows.map((r) => JSON.stringify(r.labels)),
      col("ownerKind"), col("ownerName"), col("spec"), col("status"), col("createdAt"), col("observedAt"),
    ],
  );
}

export async function markKubeObjectDeleted(db: pg.Pool, clusterId: string, kind: string, uid: string, at: Date): Promise<void> {
  await db.query(`UPDATE kube_objects SET deleted_at = $4 WHERE cluster_id = $1 AND kind = $2 AND uid = $3 AND deleted_at IS NULL`, [clusterId, kind, uid, at]);
}

/** After a full list of one kind: whatever was not listed went away while Uptrust was not watching. */
export async function markMissingKubeObjectsDeleted(db: pg.Pool, clusterId: string, kind: string, uids: string[], at: Date): Promise<number> {
  const r = await db.query(
    `UPDATE kube_objects SET deleted_at = $4 WHERE cluster_id = $1 AND kind = $2 AND deleted_at IS NULL AND NOT (uid = ANY($3::text[]))`,
    [clusterId, kind, uids, at],
  );
  return r.rowCount ?? 0;
}
