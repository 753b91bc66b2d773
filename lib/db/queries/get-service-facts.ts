import { getPool } from "@/lib/db/pool.ts";
import type { ContainerFact, WorkloadRef } from "@/lib/domain/incident-signals.ts";
import type { ServiceFacts } from "@/lib/domain/service-axis.ts";
import type { AxisWindow } from "@/lib/domain/service-window.ts";
import { HOUR_MS } from "@/lib/domain/slo.ts";

const MAX_ROWS = 5000;
const ms = (d: Date | null) => (d ? d.getTime() : null);

// The facts one workload's axis is drawn from, in cluster time [from, to]: independent reads sent together.
// Events are the namespace's; lib/domain/service-axis.ts keeps the ones about this workload, resolving
// pods and ReplicaSets as incident detection does. Burn is summed per bucket: from the per-minute samples
// below an hour, from the analyzer's hourly sums above (those are kept for the whole SLO window).
export async function getServiceFacts(
  clusterId: string,
  workload: WorkloadRef & { id: string },
  w: AxisWindow,
  bucketMs: number,
): Promise<ServiceFacts> {
  const pool = getPool();
  const from = new Date(w.from);
  const to = new Date(w.to);
  const [table, col] = bucketMs < HOUR_MS ? ["sli_samples", "ts"] : ["sli_hours", "hour"];
  const [changes, events, workloads, pods, containers, statuses, incidents, slos, buckets] = await Promise.all([
    pool.query<{ id: string; kind: string; manager: string | null; observed_at: Date; summary: string; revision: string | null; before: unknown; after: unknown }>(
      `SELECT id, kind, manager, observed_at, summary, revision, before, after FROM changes
        WHERE workload_id = $1 AND observed_at >= $2 AND observed_at <= $3 ORDER BY observed_at LIMIT ${MAX_ROWS}`,
      [workload.id, from, to],
    ),
    pool.query<{ uid: string; reason: string; message: string; type: string; involved_kind: string; involved_name: string; count: number; first_seen: Date; last_seen: Date }>(
      `SELECT uid, reason, message, type, involved_kind, involved_name, count, first_seen, last_seen FROM k8s_events
        WHERE cluster_id = $1 AND namespace = $2 AND last_seen >= $3 AND first_seen <= $4 ORDER BY first_seen LIMIT ${MAX_ROWS}`,
      [clusterId, workload.namespace, from, to],
    ),
    pool.query<WorkloadRef>(`SELECT kind::text AS kind, namespace, name FROM workloads WHERE cluster_id = $1 AND namespace = $2`, [clusterId, workload.namespace]),
    pool.query<{ name: string; kind: string; workload: string }>(
      `SELECT name, workload_kind::text AS kind, workload_name AS workload FROM pods WHERE cluster_id = $1 AND namespace = $2 AND workload_name IS NOT NULL`,
      [clusterId, workload.namespace],
    ),
    pool.query<{ pod: string; container: string; deleted: boolean; since: Date | null; state_reason: string | null; last_reason: string | null; last_at: Date | null }>(
      `SELECT p.name AS pod, c.name AS container, p.deleted_at IS NOT NULL AS deleted, coalesce(p.started_at, p.created_at) AS since,
              c.state_reason, c.last_termination_reason AS last_reason, c.last_terminated_at AS last_at
         FROM containers c JOIN pods p ON p.id = c.pod_id
        WHERE p.cluster_id = $1 AND p.namespace = $2 AND p.workload_kind::text = $3 AND p.workload_name = $4
          AND (c.state_reason IS NOT NULL OR c.last_terminated_at >= $5)`,
      [clusterId, workload.namespace, workload.kind, workload.name, from],
    ),
    pool.query<{ ts: Date; desired: number; ready: number; available: number }>(
      `SELECT ts, desired_replicas AS desired, ready_replicas AS ready, available_replicas AS available FROM workload_status
        WHERE workload_id = $1 AND ts <= $3
          AND ts >= coalesce((SELECT max(ts) FROM workload_status WHERE workload_id = $1 AND ts < $2), $2)
        ORDER BY ts LIMIT ${MAX_ROWS}`,
      [workload.id, from, to],
    ),
    pool.query<{ id: string; title: string; severity: string; status: string; started_at: Date; resolved_at: Date | null }>(
      `SELECT id, title, severity, status::text AS status, started_at, resolved_at FROM incidents
        WHERE workload_id = $1 AND started_at <= $3 AND coalesce(resolved_at, 'infinity') >= $2 ORDER BY started_at`,
      [workload.id, from, to],
    ),
    pool.query<{ id: string; name: string; target: number }>(`SELECT id, name, target FROM slos WHERE workload_id = $1 ORDER BY name`, [workload.id]),
    pool.query<{ slo_id: string; start: Date; good: number; total: number }>(
      `SELECT x.slo_id, date_bin(make_interval(secs => $4::float8 / 1000), x.${col}, 'epoch'::timestamptz) AS start,
              sum(x.good)::float8 AS good, sum(x.total)::float8 AS total
         FROM ${table} x JOIN slos s ON s.id = x.slo_id
        WHERE s.workload_id = $1 AND x.${col} >= date_bin(make_interval(secs => $4::float8 / 1000), $2::timestamptz, 'epoch'::timestamptz) AND x.${col} < $3
        GROUP BY 1, 2`,
      [workload.id, from, to, bucketMs],
    ),
  ]);
  const podWorkloads = new Map(pods.rows.map((p) => [`${workload.namespace}/${p.name}`, { kind: p.kind, namespace: workload.namespace, name: p.workload }]));
  const ref = { kind: workload.kind, namespace: workload.namespace, name: workload.name };
  const containerFacts: ContainerFact[] = containers.rows.map((c) => ({
    namespace: workload.namespace, pod: c.pod, container: c.container, workload: ref, podDeleted: c.deleted, podSince: ms(c.since),
    stateReason: c.state_reason, lastTerminationReason: c.last_reason, lastTerminatedAt: ms(c.last_at),
  }));
  return {
    workload: ref,
    workloads: workloads.rows,
    podWorkloads,
    changes: changes.rows.map((c) => ({ id: c.id, kind: c.kind, manager: c.manager, observedAt: c.observed_at.getTime(), summary: c.summary, revision: c.revision, before: c.before, after: c.after })),
    events: events.rows.map((e) => ({
      uid: e.uid, reason: e.reason, message: e.message, type: e.type, involvedKind: e.involved_kind, involvedName: e.involved_name,
      count: e.count, firstSeen: e.first_seen.getTime(), lastSeen: e.last_seen.getTime(),
    })),
    containers: containerFacts,
    statuses: statuses.rows.map((s) => ({ ts: s.ts.getTime(), desired: s.desired, ready: s.ready, available: s.available })),
    incidents: incidents.rows.map((i) => ({ id: i.id, title: i.title, severity: i.severity, status: i.status, startedAt: i.started_at.getTime(), resolvedAt: ms(i.resolved_at) })),
    slos: slos.rows.map((s) => ({
      id: s.id, name: s.name, target: s.target,
      buckets: buckets.rows.filter((b) => b.slo_id === s.id).map((b) => ({ start: b.start.getTime(), good: b.good, total: b.total })),
    })),
  };
}
