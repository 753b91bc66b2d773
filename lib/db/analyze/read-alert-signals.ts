import { getPool } from "@/lib/db/pool.ts";
import type { StoredAlert } from "@/lib/domain/alert-signals.ts";
import type { AlertTarget } from "@/lib/domain/alertmanager-webhook.ts";

// The cluster's Alertmanager alerts that fired during [since, now]: still firing, or resolved after `since`.
export async function readAlertSignals(clusterId: string, since: Date, now: Date): Promise<StoredAlert[]> {
  const { rows } = await getPool().query<{
    fingerprint: string; alertname: string; severity: string | null; namespace: string | null; target_kind: AlertTarget["kind"]; target_name: string | null;
    starts_at: Date; ends_at: Date | null; summary: string | null; generator_url: string | null; first_received_at: Date;
  }>(
    `SELECT fingerprint, alertname, severity, namespace, target_kind, target_name, starts_at, ends_at, summary, generator_url, first_received_at
       FROM alert_signals
      WHERE cluster_id = $1 AND starts_at <= $3 AND (ends_at IS NULL OR ends_at >= $2)
      ORDER BY starts_at, fingerprint`,
    [clusterId, since, now],
  );
  return rows.map((r) => ({
    fingerprint: r.fingerprint, alertname: r.alertname, severity: r.severity, target: { namespace: r.namespace, kind: r.target_kind, name: r.target_name },
    startsAt: r.starts_at.getTime(), endsAt: r.ends_at?.getTime() ?? null, summary: r.summary, generatorUrl: r.generator_url,
    firstReceivedAt: r.first_received_at.getTime(),
  }));
}
