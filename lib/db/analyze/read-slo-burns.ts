import { getPool } from "@/lib/db/pool.ts";
import type { SloBurn } from "@/lib/domain/rightsizing-hold.ts";

// The latest burn rates of every SLO in a cluster, grouped by workload id, as the SLO evaluator stored
// them (slo_status); right-sizing only reads them, to hold downsizing while one burns.
export async function readSloBurns(clusterId: string): Promise<Map<string, SloBurn[]>> {
  const { rows } = await getPool().query<{ workloadId: string; workload: string; slo: string; burnRate1h: number; burnRate6h: number }>(
    `SELECT s.workload_id AS "workloadId", w.name AS workload, s.name AS slo, st.burn_rate_1h AS "burnRate1h", st.burn_rate_6h AS "burnRate6h"
       FROM slos s JOIN slo_status st ON st.slo_id = s.id JOIN workloads w ON w.id = s.workload_id
      WHERE w.cluster_id = $1`,
    [clusterId],
  );
  const byWorkload = new Map<string, SloBurn[]>();
  for (const { workloadId, ...burn } of rows) byWorkload.set(workloadId, [...(byWorkload.get(workloadId) ?? []), burn]);
  return byWorkload;
}
