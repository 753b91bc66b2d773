import { getPool } from "@/lib/db/pool.ts";

export type SloRow = {
  id: string;
  workloadId: string;
  kind: string;
  namespace: string;
  workloadName: string;
  name: string;
  indicator: string;
  target: number;
  windowDays: number;
  thresholdMs: number | null;
  budgeting: string;
  timesliceTarget: number | null;
  calendar: string | null;
  sliQuery: unknown;
};

export async function listSlos(clusterId: string): Promise<SloRow[]> {
  const { rows } = await getPool().query<SloRow>(
    `SELECT s.id, s.workload_id AS "workloadId", w.kind::text AS kind, w.namespace, w.name AS "workloadName",
            s.name, s.indicator, s.target, s.window_days AS "windowDays", s.threshold_ms AS "thresholdMs",
            s.budgeting, s.timeslice_target AS "timesliceTarget", s.calendar, s.sli_query AS "sliQuery"
       FROM slos s JOIN workloads w ON w.id = s.workload_id
      WHERE w.cluster_id = $1 ORDER BY w.namespace, w.name, s.name`,
    [clusterId],
  );
  return rows;
}
