import { getPool } from "@/lib/db/pool.ts";
import type { StoredAlert } from "@/lib/domain/alert-signals.ts";
import type { AlertTarget } from "@/lib/domain/alertmanager-webhook.ts";

// The cluster's Alertmanager alerts that fired during [since, now], on the cluster's clock: started by now, and
// still firing, resolved after `since`, or last sighted after it (a silent one ended at its last sighting).
export async function readAlertSignals(clusterId: string, since: Date, now: Date): Promise<StoredAlert[]> {
  const { rows } = await getPool().query<{
    fingerprint: string; alertname: string; severity: string | null; namespace: string | null; target_kind: AlertTarget["kind"]; target_name: string | null;
    starts_at: Date; ends_at: Date | null; summary: string | null; generator_url: string | null; first_received_at: Date; last_received_at: Date;
  }>(
    `SELECT fingerprint, alertname, severity, namespace, target_kind, target_name, cluster_starts_at AS starts_at, cluster_ends_at AS ends_at, summary,
            generator_url, cluster_first_received_at AS first_received_at, cluster_last_received_at AS last_received_at
       FROM alert_signals
      WHERE cluster_id = $1 AND cluster_starts_at <= $3 AND COALESCE(cluster_ends_at, cluster_last_received_at) >= $2
      ORDER BY cluster_starts_at, fingerprint`,
    [clusterId, since, now],
  );
  return rows.map((r) => ({
    fingerprint: r.fingerprint, alertname: r.alertname, severity: r.severity, target: { namespace: r.namespace, kind: r.target_kind, name: r.target_name },
    startsAt: r.starts_at.getTime(), endsAt: r.ends_at?.getTime() ?? null, summary: r.summary, generatorUrl: r.generator_url,
    firstReceivedAt: r.first_received_at.getTime(), lastReceivedAt: r.last_received_at.getTime(),
  }));
}
