import { getPool } from "@/lib/db/pool.ts";
import type { ReplicaState } from "@/lib/domain/availability-sli.ts";

// The replica counts of a workload in [from, to), preceded by the state in effect at `from` so the
// caller can carry it forward.
export async function readStatusSeries(workloadId: string, from: Date, to: Date): Promise<ReplicaState[]> {
  const { rows } = await getPool().query<{ ts: Date; desired: number; available: number; updated: number }>(
    `(SELECT ts, desired_replicas AS desired, available_replicas AS available, updated_replicas AS updated FROM workload_status
       WHERE workload_id = $1 AND ts < $2 ORDER BY ts DESC LIMIT 1)
     UNION ALL
     (SELECT ts, desired_replicas, available_replicas, updated_replicas FROM workload_status
       WHERE workload_id = $1 AND ts >= $2 AND ts < $3)
     ORDER BY ts`,
    [workloadId, from, to],
  );
  return rows.map((r) => ({ ts: r.ts.getTime(), desired: r.desired, available: r.available, updated: r.updated }));
}

// When the rollout in effect at `before` began: the first state after the last fully rolled-out one.
// Null when none is under way then. An incremental rollup needs it to know how old a rollout already is.
export async function getRolloutStart(workloadId: string, before: Date): Promise<Date | null> {
  const { rows } = await getPool().query<{ ts: Date | null }>(
    `SELECT min(ts) AS ts FROM workload_status WHERE workload_id = $1 AND ts < $2 AND updated_replicas < desired_replicas
        AND ts > coalesce((SELECT max(ts) FROM workload_status WHERE workload_id = $1 AND ts < $2 AND updated_replicas >= desired_replicas), '-infinity')`,
    [workloadId, before],
  );
  return rows[0]?.ts ?? null;
}

export async function getFirstStatusTs(workloadId: string): Promise<Date | null> {
  const { rows } = await getPool().query<{ ts: Date | null }>(`SELECT min(ts) AS ts FROM workload_status WHERE workload_id = $1`, [workloadId]);
  return rows[0]?.ts ?? null;
}
