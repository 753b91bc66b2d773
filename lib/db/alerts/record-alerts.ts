import { getPool } from "@/lib/db/pool.ts";
import { chooseCluster, type AlertFact } from "@/lib/domain/alertmanager-webhook.ts";

export type RecordedAlerts = {
  /** Alerts stored or updated, matched to a cluster or not. */
  stored: number;
  /** Alerts no registered cluster claims: stored, but no incident can see them until the cluster exists. */
  unmatched: { alertname: string; fingerprint: string; problem: string }[];
};

// Stores one notification's alerts in alert_signals. Alertmanager resends a firing group every
// repeat_interval and retries failed deliveries, so a row is keyed by fingerprint + startsAt and a resend
// only refreshes it. A resolved alert stays resolved: a firing resend that arrives after the resolution
// (deliveries can overtake each other) does not reopen it. Prometheus gives an alert that fires again a
// new startsAt, which is a new row.
export async function recordAlerts(facts: readonly AlertFact[], fallbackCluster: string | undefined, receivedAt: Date): Promise<RecordedAlerts> {
  if (facts.length === 0) return { stored: 0, unmatched: [] };
  const pool = getPool();
  const { rows: clusters } = await pool.query<{ id: string; name: string }>(`SELECT id, name FROM clusters`);
  const byName = new Map(clusters.map((c) => [c.name, c.id]));
  const unmatched: RecordedAlerts["unmatched"] = [];
  const rows = facts.map((f) => {
    const choice = chooseCluster(f.clusterLabel, byName, fallbackCluster);
    if (choice.unmatched) unmatched.push({ alertname: f.alertname, fingerprint: f.fingerprint, problem: choice.unmatched });
    return {
      cluster_id: choice.clusterId, cluster_label: f.clusterLabel, fingerprint: f.fingerprint, starts_at: f.startsAt.toISOString(),
      ends_at: f.endsAt?.toISOString() ?? null, status: f.status, alertname: f.alertname, severity: f.severity, namespace: f.target.namespace,
      target_kind: f.target.kind, target_name: f.target.name, summary: f.summary, generator_url: f.generatorUrl, labels: f.labels,
      annotations: f.annotations, receiver: f.receiver, unmatched: choice.unmatched,
    };
  });
  const { rowCount } = await pool.query(
    `INSERT INTO alert_signals (cluster_id, cluster_label, fingerprint, starts_at, ends_at, status, alertname, severity, namespace, target_kind,
                                target_name, summary, generator_url, labels, annotations, receiver, unmatched, first_received_at, last_received_at)
     SELECT r.cluster_id, r.cluster_label, r.fingerprint, r.starts_at, r.ends_at, r.status, r.alertname, r.severity, r.namespace, r.target_kind,
            r.target_name, r.summary, r.generator_url, r.labels, r.annotations, r.receiver, r.unmatched, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(cluster_id uuid, cluster_label text, fingerprint text, starts_at timestamptz, ends_at timestamptz,
            status text, alertname text, severity text, namespace text, target_kind text, target_name text, summary text, generator_url text,
            labels jsonb, annotations jsonb, receiver text, unmatched text)
     ON CONFLICT (fingerprint, starts_at) DO UPDATE SET
       cluster_id = EXCLUDED.cluster_id, cluster_label = EXCLUDED.cluster_label, unmatched = EXCLUDED.unmatched,
       status = CASE WHEN alert_signals.status = 'resolved' THEN 'resolved' ELSE EXCLUDED.status END,
       ends_at = CASE WHEN alert_signals.status = 'resolved' THEN alert_signals.ends_at ELSE EXCLUDED.ends_at END,
       alertname = EXCLUDED.alertname, severity = EXCLUDED.severity, namespace = EXCLUDED.namespace, target_kind = EXCLUDED.target_kind,
       target_name = EXCLUDED.target_name, summary = EXCLUDED.summary, generator_url = EXCLUDED.generator_url, labels = EXCLUDED.labels,
       annotations = EXCLUDED.annotations, receiver = EXCLUDED.receiver, last_received_at = EXCLUDED.last_received_at`,
    [JSON.stringify(rows), receivedAt],
  );
  return { stored: rowCount ?? 0, unmatched };
}
