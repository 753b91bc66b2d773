import type pg from "pg";
import { describeKeyChanges, type ConfigKind, type ConfigRow } from "@/lib/k8s/map-config.ts";

// A ConfigMap or Secret update becomes, when its content changed, a change of every live workload in
// its namespace whose pod template reads it (configMaps/secrets in workloads.template), stamped with
// the cluster's time of the write and its field manager. Pods read config at start, so this is the
// change a later restart picks up: the timeline shows it before the failures it causes.

type Stored = { content_hash: string; key_hashes: Record<string, string>; deleted_at: Date | null };

const TEMPLATE_FIELD: Record<ConfigKind, string> = { ConfigMap: "configMaps", Secret: "secrets" };
const changeKind = (k: ConfigKind) => k.toLowerCase();

export type RecordedConfig = { summary: string | undefined; workloads: number };

export async function recordConfigObject(db: pg.Pool, clusterId: string, row: ConfigRow): Promise<RecordedConfig> {
  const stored = await read(db, clusterId, row.kind, row.namespace, row.name);
  let result: RecordedConfig = { summary: undefined, workloads: 0 };
  // History first, current row last: a worker dying in between writes the change again, not never.
  if (stored && stored.deleted_at === null && stored.content_hash !== row.contentHash) {
    const summary = `${row.kind} ${row.name}: ${describeKeyChanges(stored.key_hashes, row.keyHashes)}`;
    const before = { [row.kind]: row.name, contentHash: stored.content_hash, keys: Object.keys(stored.key_hashes) };
    const after = { [row.kind]: row.name, contentHash: row.contentHash, keys: Object.keys(row.keyHashes) };
    const workloads = await insertReaderChanges(db, clusterId, row.kind, row.namespace, row.name, row.manager, summary, before, after, row.observedAt);
    result = { summary, workloads };
  }
  await db.query(
    `INSERT INTO config_objects (cluster_id, kind, namespace, name, uid, content_hash, key_hashes, manager, updated_at, deleted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, NULL)
     ON CONFLICT (cluster_id, kind, namespace, name) DO UPDATE SET uid = EXCLUDED.uid, content_hash = EXCLUDED.content_hash,
       key_hashes = EXCLUDED.key_hashes, manager = EXCLUDED.manager, updated_at = EXCLUDED.updated_at, deleted_at = NULL`,
    [clusterId, row.kind, row.namespace, row.name, row.uid, row.contentHash, JSON.stringify(row.keyHashes), row.manager, row.observedAt],
  );
  return result;
}

/** A deleted ConfigMap or Secret that workloads still read is a change too: their next pod will not start. */
export async function recordConfigDeleted(db: pg.Pool, clusterId: string, kind: ConfigKind, namespace: string, name: string, at: Date): Promise<RecordedConfig> {
  const stored = await read(db, clusterId, kind, namespace, name);
  if (!stored || stored.deleted_at !== null) return { summary: undefined, workloads: 0 };
  const summary = `${kind} ${name} deleted`;
  const before = { [kind]: name, contentHash: stored.content_hash, keys: Object.keys(stored.key_hashes) };
  const workloads = await insertReaderChanges(db, clusterId, kind, namespace, name, null, summary, before, { [kind]: name, deleted: true }, at);
  await db.query(`UPDATE config_objects SET deleted_at = $5 WHERE cluster_id = $1 AND kind = $2 AND namespace = $3 AND name = $4`, [clusterId, kind, namespace, name, at]);
  return { summary, workloads };
}

/** After a full list: what was not listed was deleted while Uptrust was not watching (no change rows: the time is unknown). */
export async function markMissingConfigDeleted(db: pg.Pool, clusterId: string, kind: ConfigKind, uids: string[], at: Date): Promise<number> {
  const r = await db.query(
    `UPDATE config_objects SET deleted_at = $4 WHERE cluster_id = $1 AND kind = $2 AND deleted_at IS NULL AND NOT (uid = ANY($3::text[]))`,
    [clusterId, kind, uids, at],
  );
  return r.rowCount ?? 0;
}

async function read(db: pg.Pool, clusterId: string, kind: ConfigKind, namespace: string, name: string): Promise<Stored | undefined> {
  const { rows } = await db.query<Stored>(
    `SELECT content_hash, key_hashes, deleted_at FROM config_objects WHERE cluster_id = $1 AND kind = $2 AND namespace = $3 AND name = $4`,
    [clusterId, kind, namespace, name],
  );
  return rows[0];
}

async function insertReaderChanges(
  db: pg.Pool, clusterId: string, kind: ConfigKind, namespace: string, name: string, manager: string | null,
  summary: string, before: unknown, after: unknown, at: Date,
): Promise<number> {
  const r = await db.query(
    `INSERT INTO changes (cluster_id, workload_id, kind, manager, summary, before, after, observed_at)
     SELECT $1, w.id, $2, $3, $4, $5::jsonb, $6::jsonb, $7 FROM workloads w
      WHERE w.cluster_id = $1 AND w.namespace = $8 AND w.deleted_at IS NULL AND (w.template -> $9) ? $10
     ON CONFLICT (workload_id, kind, observed_at) DO NOTHING`,
    [clusterId, changeKind(kind), manager, summary, JSON.stringify(before), JSON.stringify(after), at, namespace, TEMPLATE_FIELD[kind], name],
  );
  return r.rowCount ?? 0;
}
