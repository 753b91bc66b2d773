import { getPool } from "@/lib/db/pool.ts";
import { clusterClockLagMs, onClusterClock } from "@/lib/domain/alert-clock.ts";
import { alertWorkloadProblem } from "@/lib/domain/alert-signals.ts";
import { chooseCluster, type AlertFact } from "@/lib/domain/alertmanager-webhook.ts";
import { readAlertWorkloads } from "./read-alert-workloads.ts";

export type RecordedAlerts = {
  /** Alerts stored or updated, matched to a cluster or not. */
  stored: number;
  /** Alerts that open no incident: no registered cluster claims them, or they name no workload Uptrust knows. */
  unmatched: { alertname: string; fingerprint: string; problem: string }[];
};

type ClusterRow = { id: string; name: string; last_event_at: Date | null; clock_read_at: Date | null };

// Stores one notification's alerts in alert_signals. Alertmanager resends a firing group every
// repeat_interval and retries failed deliveries, so a row is keyed by fingerprint + startsAt and a resend
// only refreshes it (last_received_at: how the analyzer tells a silent alert). A resolved alert stays resolved:
// a firing resend that arrives after the resolution (deliveries can overtake each other) does not reopen it.
// Prometheus gives an alert that fires again a new startsAt, which is a new row. Each time is also stored on
// its cluster's clock as the cluster's clock reads when it arrives (lib/domain/alert-clock.ts); where it
// started and first arrived stay as first told.
export async function recordAlerts(facts: readonly AlertFact[], fallbackCluster: string | undefined, receivedAt: Date): Promise<RecordedAlerts> {
  if (facts.length === 0) return { stored: 0, unmatched: [] };
  const pool = getPool();
  const { rows: clusters } = await pool.query<ClusterRow>(`SELECT id, name, last_event_at, clock_read_at FROM clusters`);
  const byName = new Map(clusters.map((c) => [c.name, c.id]));
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const chosen = facts.map((f) => ({ fact: f, choice: chooseCluster(f.clusterLabel, byName, fallbackCluster) }));
  const known = await readAlertWorkloads(
    chosen.flatMap(({ fact, choice }) => (choice.clusterId && fact.target.namespace ? [{ clusterId: choice.clusterId, namespace: fact.target.namespace, pod: fact.target.kind === "Pod" ? fact.target.name : null }] : [])),
  );
  const unmatched: RecordedAlerts["unmatched"] = [];
  const rows = chosen.map(({ fact: f, choice }) => {
    const cluster = choice.clusterId ? byId.get(choice.clusterId) : undefined;
    const workloads = cluster ? known.get(cluster.id) : undefined;
    const problem = cluster ? alertWorkloadProblem(f.target, cluster.name, workloads?.podWorkloads ?? new Map(), workloads?.workloads ?? []) : choice.unmatched;
    if (problem) unmatched.push({ alertname: f.alertname, fingerprint: f.fingerprint, problem });
    const lag = cluster ? clusterClockLagMs({ lastEventAt: cluster.last_event_at?.getTime() ?? null, readAt: cluster.clock_read_at?.getTime() ?? null }) : 0;
    const onCluster = (d: Date) => new Date(onClusterClock(d.getTime(), lag)).toISOString();
    return {
      cluster_id: choice.clusterId, cluster_label: f.clusterLabel, fingerprint: f.fingerprint, starts_at: f.startsAt.toISOString(),
      ends_at: f.endsAt?.toISOString() ?? null, status: f.status, alertname: f.alertname, severity: f.severity, namespace: f.target.namespace,
      target_kind: f.target.kind, target_name: f.target.name, summary: f.summary, generator_url: f.generatorUrl, labels: f.labels,
      annotations: f.annotations, receiver: f.receiver, unmatched: problem, cluster_starts_at: onCluster(f.startsAt),
      cluster_ends_at: f.endsAt ? onCluster(f.endsAt) : null, cluster_received_at: onCluster(receivedAt),
    };
  });
  const { rowCount } = await pool.query(
    `INSERT INTO alert_signals (cluster_id, cluster_label, fingerprint, starts_at, ends_at, status, alertname, severity, namespace, target_kind,
                                target_name, summary, generator_url, labels, annotations, receiver, unmatched, first_received_at, last_received_at,
                                cluster_starts_at, cluster_ends_at, cluster_first_received_at, cluster_last_received_at)
     SELECT r.cluster_id, r.cluster_label, r.fingerprint, r.starts_at, r.ends_at, r.status, r.alertname, r.severity, r.namespace, r.target_kind,
            r.target_name, r.summary, r.generator_url, r.labels, r.annotations, r.receiver, r.unmatched, $2, $2,
            r.cluster_starts_at, r.cluster_ends_at, r.cluster_received_at, r.cluster_received_at
       FROM jsonb_to_recordset($1::jsonb) AS r(cluster_id uuid, cluster_label text, fingerprint text, starts_at timestamptz, ends_at timestamptz,
            status text, alertname text, severity text, namespace text, target_kind text, target_name text, summary text, generator_url text,
            labels jsonb, annotations jsonb, receiver text, unmatched text, cluster_starts_at timestamptz, cluster_ends_at timestamptz,
            cluster_received_at timestamptz)
     ON CONFLICT (fingerprint, starts_at) DO UPDATE SET
       cluster_id = EXCLUDED.cluster_id, cluster_label = EXCLUDED.cluster_label, unmatched = EXCLUDED.unmatched,
       status = CASE WHEN alert_signals.status = 'resolved' THEN 'resolved' ELSE EXCLUDED.status END,
       ends_at = CASE WHEN alert_signals.status = 'resolved' THEN alert_signals.ends_at ELSE EXCLUDED.ends_at END,
       cluster_ends_at = CASE WHEN alert_signals.status = 'resolved' THEN alert_signals.cluster_ends_at ELSE EXCLUDED.cluster_ends_at END,
       alertname = EXCLUDED.alertname, severity = EXCLUDED.severity, namespace = EXCLUDED.namespace, target_kind = EXCLUDED.target_kind,
       target_name = EXCLUDED.target_name, summary = EXCLUDED.summary, generator_url = EXCLUDED.generator_url, labels = EXCLUDED.labels,
       annotations = EXCLUDED.annotations, receiver = EXCLUDED.receiver, last_received_at = EXCLUDED.last_received_at,
       cluster_last_received_at = EXCLUDED.cluster_last_received_at`,
    [JSON.stringify(rows), receivedAt],
  );
  return { stored: rowCount ?? 0, unmatched };
}
