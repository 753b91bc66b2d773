import { getPool } from "@/lib/db/pool.ts";
import { toWindowRows } from "@/lib/db/queries/map-slo.ts";
import { ownWindowFigures, sloIdentity, type SloIdentity, type WindowFigure } from "@/lib/domain/slo-rules.ts";

export type OwnSloWindows = { identity: SloIdentity; figures: WindowFigure[] };

// Every SLO Uptrust measures itself (not PromQL ones: their rules read the team's own series) with its last
// evaluation's window figures, in one statement over slo_status: what a Prometheus scrape of the analyze worker costs.
export async function readOwnSloWindows(): Promise<OwnSloWindows[]> {
  const { rows } = await getPool().query<{ cluster: string; namespace: string; workload: string; name: string; target: number; window_days: number; windows: unknown; burn: number }>(
    `SELECT c.name AS cluster, w.namespace, w.name AS workload, s.name, s.target, s.window_days, st.windows, st.burn_rate_30d AS burn
       FROM slo_status st JOIN slos s ON s.id = st.slo_id JOIN workloads w ON w.id = s.workload_id JOIN clusters c ON c.id = w.cluster_id
      WHERE s.indicator <> 'promql' AND w.deleted_at IS NULL`,
  );
  return rows.map((r) => ({
    identity: sloIdentity(r),
    figures: ownWindowFigures(toWindowRows(r.windows), r.target, r.window_days, r.burn),
  }));
}
