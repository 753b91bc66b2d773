import { getPool } from "@/lib/db/pool.ts";
import type { TimelineChange, TimelineEvent, TimelineGuardrail, TimelineLog, TimelineStatus } from "@/lib/domain/incident-timeline.ts";

export type TimelineFacts = { changes: TimelineChange[]; events: TimelineEvent[]; logs: TimelineLog[]; statuses: TimelineStatus[]; guardrails: TimelineGuardrail[]; podNames: string[] };

const ERROR_LEVELS = ["error", "err", "fatal", "critical", "crit", "panic", "emerg", "alert"];

// Facts around one incident of one workload, in cluster time [from, to]. Events are those of the
// namespace; the caller keeps the ones about this workload (lib/domain resolves pods and ReplicaSets).
export async function readTimelineFacts(
  clusterId: string,
  workload: { id: string; kind: string; namespace: string; name: string },
  from: Date,
  to: Date,
  maxLogLines = 200,
): Promise<TimelineFacts> {
  const pool = getPool();
  const changes = await pool.query<{ id: string; kind: string; manager: string | null; observed_at: Date; summary: string; revision: string | null; before: unknown; after: unknown }>(
    `SELECT id, kind, manager, observed_at, summary, revision, before, after FROM changes WHERE workload_id = $1 AND observed_at >= $2 AND observed_at <= $3`,
    [workload.id, from, to],
  );
  const statuses = await pool.query<{ ts: Date; desired: number; available: number }>(
    `SELECT ts, desired_replicas AS desired, available_replicas AS available FROM workload_status WHERE workload_id = $1 AND ts >= $2 AND ts <= $3 ORDER BY ts`,
    [workload.id, from, to],
  );
  const events = await pool.query<{ uid: string; reason: string; message: string; type: string; involved_kind: string; involved_name: string; count: number; first_seen: Date; last_seen: Date }>(
    `SELECT uid, reason, message, type, involved_kind, involved_name, count, first_seen, last_seen FROM k8s_events
      WHERE cluster_id = $1 AND namespace = $2 AND last_seen >= $3 AND first_seen <= $4 ORDER BY first_seen LIMIT 2000`,
    [clusterId, workload.namespace, from, to],
  );
  // Only violations that appeared after Uptrust's first check of the cluster: the ones standing since
  // then say nothing about this incident.
  const guardrails = await pool.query<{ target: string; check: string; severity: string; message: string; first_seen: Date }>(
    `SELECT target, "check" AS check, severity, message, first_seen FROM guardrail_findings
      WHERE workload_id = $1 AND first_seen >= $2 AND first_seen <= $3
        AND first_seen > (SELECT min(first_seen) FROM guardrail_findings WHERE cluster_id = $4)`,
    [workload.id, from, to, clusterId],
  );
  const pods = await pool.query<{ name: string }>(
    `SELECT name FROM pods WHERE cluster_id = $1 AND namespace = $2 AND workload_kind::text = $3 AND workload_name = $4`,
    [clusterId, workload.namespace, workload.kind, workload.name],
  );
  const podNames = pods.rows.map((p) => p.name);
  const logs = podNames.length === 0 ? { rows: [] } : await pool.query<{ pod: string; container: string; ts: Date; seq: number; level: string | null; message: string }>(
    `SELECT pod, container, ts, seq, level, message FROM log_lines
      WHERE cluster_id = $1 AND namespace = $2 AND pod = ANY($3::text[]) AND ts >= $4 AND ts <= $5 AND lower(level) = ANY($6::text[])
      ORDER BY ts, seq LIMIT $7`,
    [clusterId, workload.namespace, podNames, from, to, ERROR_LEVELS, maxLogLines],
  );
  return {
    changes: changes.rows.map((c) => ({ id: c.id, kind: c.kind, manager: c.manager, observedAt: c.observed_at.getTime(), summary: c.summary, revision: c.revision, before: c.before, after: c.after })),
    statuses: statuses.rows.map((s) => ({ ts: s.ts.getTime(), desired: s.desired, available: s.available })),
    guardrails: guardrails.rows.map(({ first_seen, ...g }) => ({ ...g, firstSeen: first_seen.getTime() })),
    events: events.rows.map((e) => ({
      uid: e.uid, reason: e.reason, message: e.message, type: e.type, involvedKind: e.involved_kind, involvedName: e.involved_name,
      count: e.count, firstSeen: e.first_seen.getTime(), lastSeen: e.last_seen.getTime(),
    })),
    logs: logs.rows.map((l) => ({ pod: l.pod, container: l.container, ts: l.ts.getTime(), seq: l.seq, level: l.level, message: l.message })),
    podNames,
  };
}
