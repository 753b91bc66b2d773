import { getPool } from "@/lib/db/pool.ts";

// The SLOs every workload gets without configuration (a user's own, UI-made or imported, sit beside them):
// - availability, 99.9 % of minutes with every desired replica available, for every live Deployment;
// - request success, 99.9 % of requests answered without a 5xx, and latency, 99 % of requests within
//   500 ms, for every workload access logs show serving requests.
export const DEFAULT_SLO = { name: "availability", indicator: "availability", target: 0.999, windowDays: 30 } as const;
export const DEFAULT_REQUEST_SLOS = [
  { name: "requests", indicator: "success", target: 0.999, thresholdMs: null, description: "99.9% of requests answered without a server error (5xx)" },
  { name: "latency", indicator: "latency", target: 0.99, thresholdMs: 500, description: "99% of requests answered within 500 ms" },
] as const;

// Existing SLOs (and any target a user changed) are left alone, so re-running creates nothing new.
export async function ensureDefaultSlos(clusterId: string, servingWorkloadIds: readonly string[] = []): Promise<number> {
  const pool = getPool();
  const { rowCount } = await pool.query(
    `INSERT INTO slos (workload_id, name, indicator, target, window_days, budgeting, description)
     SELECT w.id, $2, $3, $4, $5, 'timeslices', '99.9% of minutes with every desired replica available' FROM workloads w
      WHERE w.cluster_id = $1 AND w.kind = 'Deployment' AND w.desired_replicas > 0 AND w.deleted_at IS NULL
     ON CONFLICT (workload_id, name) DO NOTHING`,
    [clusterId, DEFAULT_SLO.name, DEFAULT_SLO.indicator, DEFAULT_SLO.target, DEFAULT_SLO.windowDays],
  );
  let created = rowCount ?? 0;
  if (servingWorkloadIds.length === 0) return created;
  for (const slo of DEFAULT_REQUEST_SLOS) {
    const r = await pool.query(
      `INSERT INTO slos (workload_id, name, indicator, target, window_days, threshold_ms, budgeting, description)
       SELECT id, $2, $3, $4, 30, $5, 'occurrences', $6 FROM unnest($1::uuid[]) AS id
       ON CONFLICT (workload_id, name) DO NOTHING`,
      [servingWorkloadIds, slo.name, slo.indicator, slo.target, slo.thresholdMs, slo.description],
    );
    created += r.rowCount ?? 0;
  }
  return created;
}
