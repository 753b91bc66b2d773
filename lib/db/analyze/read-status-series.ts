import { getPool } from "@/lib/db/pool.ts";
import type { ReplicaState } from "@/lib/domain/availability-sli.ts";

export type StatusRange = { workloadId: string; from: Date; to: Date };
/** A workload's replica counts in [from, to), preceded by the state in effect at `from`, and when the
 * rollout in effect at `from` began (null when none was under way): an incremental rollup needs both
 * to carry the state forward and to know how old a rollout already is. */
export type StatusHistory = { series: ReplicaState[]; rollingSince: number | null };

// Every range in one statement, answered in the order asked. The rollout in effect at `from` began with
// the first rolling state after the last fully rolled-out one: two backward-bounded index reads.
export async function readStatusHistories(ranges: readonly StatusRange[]): Promise<StatusHistory[]> {
  const out: StatusHistory[] = ranges.map(() => ({ series: [], rollingSince: null }));
  if (ranges.length === 0) return out;
  const { rows } = await getPool().query<{ i: string; ts: Date; desired: number; available: number; updated: number; rolling_since: Date | null }>(
    `SELECT r.i, x.ts, x.desired, x.available, x.updated, s.rolling_since
       FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS r(w, f, t, i)
       CROSS JOIN LATERAL (SELECT max(ts) AS done FROM workload_status WHERE workload_id = r.w AND ts < r.f AND updated_replicas >= desired_replicas) d
       CROSS JOIN LATERAL (SELECT min(ts) AS rolling_since FROM workload_status
                            WHERE workload_id = r.w AND ts < r.f AND ts > coalesce(d.done, '-infinity') AND updated_replicas < desired_replicas) s
       CROSS JOIN LATERAL (
         (SELECT ts, desired_replicas AS desired, available_replicas AS available, updated_replicas AS updated FROM workload_status
           WHERE workload_id = r.w AND ts < r.f ORDER BY ts DESC LIMIT 1)
         UNION ALL
         (SELECT ts, desired_replicas, available_replicas, updated_replicas FROM workload_status
           WHERE workload_id = r.w AND ts >= r.f AND ts < r.t)) x
      ORDER BY r.i, x.ts`,
    [ranges.map((r) => r.workloadId), ranges.map((r) => r.from), ranges.map((r) => r.to)],
  );
  for (const r of rows) {
    const h = out[Number(r.i) - 1];
    h.series.push({ ts: r.ts.getTime(), desired: r.desired, available: r.available, updated: r.updated });
    h.rollingSince = r.rolling_since?.getTime() ?? null;
  }
  return out;
}
