import type { KubeConfig } from "@kubernetes/client-node";
import type pg from "pg";
import { getJson } from "@/lib/k8s/get-json.ts";

// The fault tests' ground truth: what the cluster serves right now, compared with what Uptrust stored.
// Returns every difference as a sentence (empty when they agree), so a failing test says what is off.

type Item = { metadata: { uid: string; name: string; namespace?: string } };
type Pod = Item & { status?: { phase?: string; containerStatuses?: { restartCount?: number }[] } };
type Deployment = Item & { spec?: { replicas?: number }; status?: { availableReplicas?: number } };
type Event = Item & { count?: number; series?: { count?: number } };

const list = async <T>(kc: KubeConfig, path: string) => ((await getJson(kc, path)) as { items: T[] }).items;

export async function storedVersusCluster(db: pg.Pool, kc: KubeConfig): Promise<string[]> {
  const [pods, deployments, events] = await Promise.all([
    list<Pod>(kc, "/api/v1/pods"),
    list<Deployment>(kc, "/apis/apps/v1/deployments"),
    list<Event>(kc, "/api/v1/events"),
  ]);
  const out: string[] = [];

  const storedPods = new Map(
    (
      await db.query<{ uid: string; name: string; phase: string; restart_count: number }>(
        `SELECT uid, name, phase, restart_count FROM pods WHERE deleted_at IS NULL`,
      )
    ).rows.map((r) => [r.uid, r]),
  );
  for (const p of pods) {
    const s = storedPods.get(p.metadata.uid);
    const restarts = (p.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
    if (!s) out.push(`pod ${p.metadata.namespace}/${p.metadata.name} is in the cluster but not stored as live`);
    else if (s.phase !== p.status?.phase || s.restart_count !== restarts) {
      out.push(`pod ${p.metadata.name}: cluster says ${p.status?.phase}/${restarts} restarts, stored ${s.phase}/${s.restart_count}`);
    }
    storedPods.delete(p.metadata.uid);
  }
  for (const s of storedPods.values()) out.push(`pod ${s.name} is stored as live but the cluster no longer has it`);

  const storedDeployments = new Map(
    (
      await db.query<{ uid: string; desired_replicas: number; available_replicas: number }>(
        `SELECT uid, desired_replicas, available_replicas FROM workloads WHERE kind = 'Deployment' AND deleted_at IS NULL`,
      )
    ).rows.map((r) => [r.uid, r]),
  );
  for (const d of deployments) {
    const s = storedDeployments.get(d.metadata.uid);
    const want = [d.spec?.replicas ?? 1, d.status?.availableReplicas ?? 0];
    if (!s) out.push(`deployment ${d.metadata.name} is not stored`);
    else if (s.desired_replicas !== want[0] || s.available_replicas !== want[1]) {
      out.push(`deployment ${d.metadata.name}: cluster ${want[1]}/${want[0]} available, stored ${s.available_replicas}/${s.desired_replicas}`);
    }
  }

  const storedEvents = await db.query<{ uid: string; rows: number; count: number }>(
    `SELECT uid, count(*)::int AS rows, max(count)::int AS count FROM k8s_events GROUP BY uid`,
  );
  const byUid = new Map(storedEvents.rows.map((r) => [r.uid, r]));
  for (const r of storedEvents.rows) if (r.rows > 1) out.push(`event ${r.uid} is stored ${r.rows} times`);
  for (const e of events) {
    const s = byUid.get(e.metadata.uid);
    const n = e.series?.count ?? e.count ?? 1;
    if (!s) out.push(`event ${e.metadata.namespace}/${e.metadata.name} is not stored`);
    else if (s.count !== n) out.push(`event ${e.metadata.name}: cluster counts ${n}, stored ${s.count}`);
  }
  return out;
}
