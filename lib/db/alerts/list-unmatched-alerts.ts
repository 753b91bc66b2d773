import { getPool } from "@/lib/db/pool.ts";
import type { UnmatchedAlert, UnmatchedAlerts } from "@/lib/views/unmatched-alert.ts";

const DAY_MS = 24 * 60 * 60_000;

// The alerts Alertmanager sent in the last `days` that open no incident (an unknown cluster or workload),
// the most recently received first: what an admin fixes in the alerting rules' labels or in Uptrust's clusters.
export async function listUnmatchedAlerts(now: Date, days = 7, limit = 20): Promise<UnmatchedAlerts> {
  const since = new Date(now.getTime() - days * DAY_MS);
  const { rows } = await getPool().query<{ alertname: string; cluster: string | null; problem: string; status: UnmatchedAlert["status"]; last: Date; total: number }>(
    `SELECT a.alertname, COALESCE(c.name, a.cluster_label) AS cluster, a.unmatched AS problem, a.status, a.last_received_at AS last,
            count(*) OVER ()::int AS total
       FROM alert_signals a LEFT JOIN clusters c ON c.id = a.cluster_id
      WHERE a.unmatched IS NOT NULL AND a.last_received_at >= $1
      ORDER BY a.last_received_at DESC, a.alertname
      LIMIT $2`,
    [since, limit],
  );
  return {
    total: rows[0]?.total ?? 0,
    recent: rows.map((r) => ({ alertname: r.alertname, cluster: r.cluster, problem: r.problem, status: r.status, lastReceivedAt: r.last.toISOString() })),
  };
}
