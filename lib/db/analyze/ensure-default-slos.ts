import { getPool } from "@/lib/db/pool.ts";

export const DEFAULT_SLO = { name: "availability", indicator: "availability", target: 0.999, windowDays: 30 } as const;

// Every live Deployment with desired > 0 gets the default availability SLO once; existing SLOs (and any
// target a user changed) are left alone, so re-running creates nothing new.
export async function ensureDefaultSlos(clusterId: string): Promise<number> {
  const { rowCount } = await getPool().query(
    `INSERT INTO slos (workload_id, name, indicator, target, window_days)
     SELECT w.id, $2, $3, $4, $5 FROM workloads w
      WHERE w.cluster_id = $1 AND w.kind = 'Deployment' AND w.desired_replicas > 0 AND w.deleted_at IS NULL
     ON CONFLICT (workload_id, name) DO NOTHING`,
    [clusterId, DEFAULT_SLO.name, DEFAULT_SLO.indicator, DEFAULT_SLO.target, DEFAULT_SLO.windowDays],
  );
  return rowCount ?? 0;
}
