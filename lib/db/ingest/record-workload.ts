import type pg from "pg";
import { describeTemplateChange } from "@/lib/k8s/describe-template-change.ts";
import type { WorkloadCounts, WorkloadRow } from "@/lib/k8s/map-workload.ts";
import { LATER_FIELDS, legacyTemplateHash, type WorkloadTemplate } from "@/lib/k8s/workload-template.ts";

// One workload update becomes up to three facts: the current row, a `changes` row when the pod template
// differs from the stored one, and a `workload_status` row when replica counts moved. Both history rows
// carry the object's observed-at (cluster time), so a timeline lines up with the cluster's events.
// The statements are independent and idempotent (a re-sent update adds nothing), so no transaction.

type Stored = { id: string; template: WorkloadTemplate; template_hash: string; revision: string | null } & {
  desired_replicas: number;
  available_replicas: number;
  ready_replicas: number;
  updated_replicas: number;
};

export type RecordedWorkload = { workloadId: string; change: string | undefined; statusChanged: boolean };

const sameCounts = (s: Stored, c: WorkloadCounts) =>
  s.desired_replicas === c.desired && s.available_replicas === c.available && s.ready_replicas === c.ready && s.updated_replicas === c.updated;

export async function recordWorkload(db: pg.Pool, clusterId: string, w: WorkloadRow): Promise<RecordedWorkload> {
  const existing = await db.query<Stored>(
    `SELECT id, template, template_hash, revision, desired_replicas, available_replicas, ready_replicas, updated_replicas
       FROM workloads WHERE cluster_id = $1 AND kind = $2::"WorkloadKind" AND namespace = $3 AND name = $4`,
    [clusterId, w.kind, w.namespace, w.name],
  );
  const stored = existing.rows[0];
  // History first, current row last: if the worker dies in between, the re-sent update writes it again.
  // The first sighting has no "before": it is the baseline, not a change Uptrust saw happen.
  let change: string | undefined;
  if (stored && stored.template_hash !== "" && stored.template_hash !== w.templateHash && !predatesLaterFields(stored, w)) {
    change = describeTemplateChange(stored.template, w.template);
    // The deployment controller bumps the revision annotation in a later write than the user's edit:
    // an unchanged annotation is the old revision, so leave it unknown until the bump arrives.
    const revision = w.revision !== stored.revision ? w.revision : null;
    await insertChange(db, clusterId, stored.id, w, stored.template, change, revision);
  } else if (stored && w.revision !== null && w.revision !== stored.revision) {
    await fillChangeRevision(db, stored.id, w.revision);
  }
  const statusChanged = !stored || !sameCounts(stored, w.counts);
  if (stored && statusChanged) await insertStatus(db, stored.id, w);
  const workloadId = await upsertWorkloadRow(db, clusterId, w);
  if (!stored) await insertStatus(db, workloadId, w);
  return { workloadId, change, statusChanged };
}

// A template stored before Uptrust tracked config references and restarts hashes differently; if it
// matches the new one once those are set aside, nothing changed: the row is refreshed, no change made.
function predatesLaterFields(stored: Stored, w: WorkloadRow): boolean {
  const old = stored.template as Record<string, unknown>;
  return LATER_FIELDS.every((k) => !(k in old)) && legacyTemplateHash(w.template) === stored.template_hash;
}

async function fillChangeRevision(db: pg.Pool, workloadId: string, revision: string) {
  await db.query(
    `UPDATE changes SET revision = $2
      WHERE workload_id = $1 AND kind = 'template' AND revision IS NULL
        AND observed_at = (SELECT max(observed_at) FROM changes WHERE workload_id = $1 AND kind = 'template')`,
    [workloadId, revision],
  );
}

async function insertChange(
  db: pg.Pool,
  clusterId: string,
  workloadId: string,
  w: WorkloadRow,
  before: WorkloadTemplate,
  summary: string,
  revision: string | null,
) {
  await db.query(
    `INSERT INTO changes (cluster_id, workload_id, kind, revision, manager, summary, before, after, observed_at)
     VALUES ($1, $2, 'template', $3, $4, $5, $6::jsonb, $7::jsonb, $8)
     ON CONFLICT (workload_id, kind, observed_at) DO NOTHING`,
    [clusterId, workloadId, revision, w.manager, summary, JSON.stringify(before), JSON.stringify(w.template), w.observedAt],
  );
}

async function insertStatus(db: pg.Pool, workloadId: string, w: WorkloadRow) {
  await db.query(
    `INSERT INTO workload_status (workload_id, ts, desired_replicas, available_replicas, ready_replicas, updated_replicas)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (workload_id, ts) DO UPDATE SET desired_replicas = EXCLUDED.desired_replicas,
       available_replicas = EXCLUDED.available_replicas, ready_replicas = EXCLUDED.ready_replicas,
       updated_replicas = EXCLUDED.updated_replicas`,
    [workloadId, w.observedAt, w.counts.desired, w.counts.available, w.counts.ready, w.counts.updated],
  );
}

async function upsertWorkloadRow(db: pg.Pool, clusterId: string, w: WorkloadRow): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, ready_replicas, available_replicas,
                            updated_replicas, generation, observed_generation, revision, template, template_hash,
                            created_at, updated_at, deleted_at, spec_facts)
     VALUES ($1, $2, $3::"WorkloadKind", $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15, $16, NULL, $17::jsonb)
     ON CONFLICT (cluster_id, kind, namespace, name) DO UPDATE SET uid = EXCLUDED.uid,
       desired_replicas = EXCLUDED.desired_replicas, ready_replicas = EXCLUDED.ready_replicas,
       available_replicas = EXCLUDED.available_replicas, updated_replicas = EXCLUDED.updated_replicas,
       generation = EXCLUDED.generation, observed_generation = EXCLUDED.observed_generation, revision = EXCLUDED.revision,
       template = EXCLUDED.template, template_hash = EXCLUDED.template_hash, created_at = EXCLUDED.created_at,
       updated_at = EXCLUDED.updated_at, deleted_at = NULL, spec_facts = EXCLUDED.spec_facts
     RETURNING id`,
    [
      clusterId, w.namespace, w.kind, w.name, w.uid, w.counts.desired, w.counts.ready, w.counts.available, w.counts.updated,
      w.generation, w.observedGeneration, w.revision, JSON.stringify(w.template), w.templateHash, w.createdAt, w.observedAt,
      JSON.stringify(w.specFacts),
    ],
  );
  return rows[0].id;
}
