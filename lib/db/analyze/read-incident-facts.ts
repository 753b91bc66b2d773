import { getPool } from "@/lib/db/pool.ts";
import type { ContainerFact, EventFact, StatusFact, WorkloadRef } from "@/lib/domain/incident-signals.ts";

export type KnownWorkload = WorkloadRef & { id: string };

export type IncidentFacts = {
  workloads: KnownWorkload[];
  podWorkloads: Map<string, WorkloadRef>;
  containers: ContainerFact[];
  events: EventFact[];
  statuses: StatusFact[];
};

const ms = (d: Date | null) => (d ? d.getTime() : null);

// Everything incident detection looks at for one cluster between `since` and `now` (cluster time): five
// independent reads, sent together.
export async function readIncidentFacts(clusterId: string, since: Date, now: Date): Promise<IncidentFacts> {
  const pool = getPool();
  const [workloadRows, pods, containerRows, eventRows, statusRows] = await Promise.all([
    pool.query<{ id: string; kind: string; namespace: string; name: string }>(`SELECT id, kind::text AS kind, namespace, name FROM workloads WHERE cluster_id = $1`, [clusterId]),
    pool.query<{ namespace: string; name: string; kind: string | null; workload: string | null }>(
      `SELECT namespace, name, workload_kind::text AS kind, workload_name AS workload FROM pods WHERE cluster_id = $1 AND workload_name IS NOT NULL`,
      [clusterId],
    ),
    pool.query<{
      namespace: string; pod: string; container: string; kind: string | null; workload: string | null; deleted: boolean;
      since: Date | null; state_reason: string | null; last_reason: string | null; last_at: Date | null;
    }>(
      `SELECT p.namespace, p.name AS pod, c.name AS container, p.workload_kind::text AS kind, p.workload_name AS workload,
              p.deleted_at IS NOT NULL AS deleted, coalesce(p.started_at, p.created_at) AS since,
              c.state_reason, c.last_termination_reason AS last_reason, c.last_terminated_at AS last_at
         FROM containers c JOIN pods p ON p.id = c.pod_id
        WHERE p.cluster_id = $1 AND (c.state_reason IS NOT NULL OR c.last_terminated_at >= $2)`,
      [clusterId, since],
    ),
    pool.query<{ namespace: string; involved_kind: string; involved_name: string; reason: string; message: string; count: number; first_seen: Date; last_seen: Date }>(
      `SELECT namespace, involved_kind, involved_name, reason, message, count, first_seen, last_seen FROM k8s_events
        WHERE cluster_id = $1 AND last_seen >= $2 AND first_seen <= $3
          AND reason IN ('BackOff', 'OOMKilling', 'FailedScheduling', 'Failed', 'NodeNotReady')`,
      [clusterId, since, now],
    ),
    pool.query<{ workload_id: string; ts: Date; desired: number; available: number }>(
      `SELECT s.workload_id, s.ts, s.desired_replicas AS desired, s.available_replicas AS available
         FROM workload_status s JOIN workloads w ON w.id = s.workload_id
        WHERE w.cluster_id = $1 AND s.ts <= $3
          AND s.ts >= coalesce((SELECT max(ts) FROM workload_status p WHERE p.workload_id = s.workload_id AND p.ts < $2), $2)
        ORDER BY s.workload_id, s.ts`,
      [clusterId, since, now],
    ),
  ]);
  const workloads = workloadRows.rows;
  const podWorkloads = new Map<string, WorkloadRef>();
  for (const p of pods.rows) {
    if (p.kind && p.workload) podWorkloads.set(`${p.namespace}/${p.name}`, { kind: p.kind, namespace: p.namespace, name: p.workload });
  }
  const containers: ContainerFact[] = containerRows.rows.map((r) => ({
    namespace: r.namespace,
    pod: r.pod,
    container: r.container,
    workload: r.kind && r.workload ? { kind: r.kind, namespace: r.namespace, name: r.workload } : null,
    podDeleted: r.deleted,
    podSince: ms(r.since),
    stateReason: r.state_reason,
    lastTerminationReason: r.last_reason,
    lastTerminatedAt: ms(r.last_at),
  }));
  const events: EventFact[] = eventRows.rows.map((e) => ({
    namespace: e.namespace,
    involvedKind: e.involved_kind,
    involvedName: e.involved_name,
    reason: e.reason,
    message: e.message,
    count: e.count,
    firstSeen: e.first_seen.getTime(),
    lastSeen: e.last_seen.getTime(),
  }));
  const series = new Map<string, StatusFact>();
  const byId = new Map(workloads.map((w) => [w.id, w]));
  for (const r of statusRows.rows) {
    const w = byId.get(r.workload_id);
    if (!w) continue;
    const entry = series.get(w.id) ?? { workload: { kind: w.kind, namespace: w.namespace, name: w.name }, series: [] };
    entry.series.push({ ts: r.ts.getTime(), desired: r.desired, available: r.available });
    series.set(w.id, entry);
  }
  return { workloads, podWorkloads, containers, events, statuses: [...series.values()] };
}
