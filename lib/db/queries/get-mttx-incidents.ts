import { getPool } from "@/lib/db/pool.ts";
import { MTTX_METRICS, MTTX_WEEKS, mttxSeconds, type MttxIncident, type MttxMetric } from "@/lib/domain/mttx.ts";
import { clusterNow, getClusterChips } from "./get-cluster-chips.ts";

export type MttxIncidentRow = {
  id: string;
  title: string;
  service: string | null;
  severity: string;
  status: string;
  startedAt: string;
  seconds: Record<MttxMetric, number | null>;
  /** The incident's times (epoch ms) as lib/domain/mttx.ts reads them. */
  times: MttxIncident;
};

// The incidents every MTTx figure is computed from (the last 12 weeks of cluster time, cancelled ones
// left out, as the analyzer does), each with its own MTTD, MTTA and MTTR.
export async function getMttxIncidents(now: Date = new Date()): Promise<{ asOf: string; incidents: MttxIncidentRow[] }> {
  const asOf = clusterNow(await getClusterChips(), now);
  const since = new Date(asOf.getTime() - MTTX_WEEKS * 7 * 86_400_000);
  const { rows } = await getPool().query<{ id: string; title: string; status: string; started_at: Date; detected_at: Date; acknowledged_at: Date | null; resolved_at: Date | null; severity: string; service: string | null }>(
    `SELECT i.id, i.title, i.status::text AS status, i.started_at, i.detected_at, i.acknowledged_at, i.resolved_at, i.severity, w.namespace || '/' || w.name AS service
       FROM incidents i LEFT JOIN workloads w ON w.id = i.workload_id
      WHERE i.status <> 'cancelled' AND i.started_at >= $1 ORDER BY i.started_at DESC LIMIT 500`,
    [since],
  );
  return {
    asOf: asOf.toISOString(),
    incidents: rows.map((r) => {
      const i = { startedAt: r.started_at.getTime(), detectedAt: r.detected_at.getTime(), acknowledgedAt: r.acknowledged_at?.getTime() ?? null, resolvedAt: r.resolved_at?.getTime() ?? null, service: r.service, severity: r.severity };
      return {
        id: r.id, title: r.title, service: r.service, severity: r.severity, status: r.status, startedAt: r.started_at.toISOString(),
        seconds: Object.fromEntries(MTTX_METRICS.map((m) => [m, mttxSeconds(m, i)])) as Record<MttxMetric, number | null>,
        times: i,
      };
    }),
  };
}
