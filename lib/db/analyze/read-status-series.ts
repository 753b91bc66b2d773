import { getPool } from "@/lib/db/pool.ts";
import type { ReplicaState } from "@/lib/domain/availability-sli.ts";

// The replica counts of a workload in [from, to), preceded by the state in effect at `from` so the
// caller can carry it forward.
export async function readStatusSeries(workloadId: string, from: Date, to: Date): Promise<ReplicaState[]> {
  const { rows } = await getPool().query<{ ts: Date; desired: number; available: number }>(
    `(SELECT ts, desired_replicas AS desired, available_replicas AS available FROM workload_status
       WHERE workload_id = $1 AND ts < $2 ORDER BY ts DESC LIMIT 1)
     UNION ALL
     (SELECT ts, desired_replicas, available_replicas FROM workload_status
       WHERE workload_id = $1 AND ts >= $2 AND ts < $3)
     ORDER BY ts`,
    [workloadId, from, to],
  );
  return rows.map((r) => ({ ts: r.ts.getTime(), desired: r.desired, available: r.available }));
}

export async function getFirstStatusTs(workloadId: string): Promise<Date | null> {
  const { rows } = await getPool().query<{ ts: Date | null }>(`SELECT min(ts) AS ts FROM workload_status WHERE workload_id = $1`, [workloadId]);
  return rows[0]?.ts ?? null;
}
