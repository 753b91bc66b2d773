import { getPool } from "@/lib/db/pool.ts";
import type { RequestMinute } from "@/lib/domain/access-log.ts";

export type AccessLogLine = { namespace: string; pod: string; ts: Date; message: string };

// Lines shaped like a combined-format access log ("addr - user [time] \"request\" status ..."): the
// pattern runs in the database so only candidate lines travel.
export async function readAccessLogLines(clusterId: string, from: Date, to: Date): Promise<AccessLogLine[]> {
  const { rows } = await getPool().query<AccessLogLine>(
    `SELECT namespace, pod, ts, message FROM log_lines
      WHERE cluster_id = $1 AND ts >= $2 AND ts < $3 AND message ~ '^[^ ]+ [^ ]+ [^ ]+ \\[[^]]+\\] "[^"]*" [1-5][0-9][0-9] '`,
    [clusterId, from, to],
  );
  return rows;
}

export type KeyedMinute = RequestMinute & { workloadId: string; source: "ingress" | "app" };

// Each minute is recomputed whole from its lines, so writing it again replaces what an earlier, partial
// look stored.
export async function upsertRequestMinutes(minutes: readonly KeyedMinute[]): Promise<number> {
  if (minutes.length === 0) return 0;
  const { rowCount } = await getPool().query(
    `INSERT INTO request_minutes (workload_id, source, ts, total, errors, timed, le)
     SELECT w, s, to_timestamp(t / 1000.0), n, e, d, l::int[]
       FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::int[], $5::int[], $6::int[], $7::text[]) AS u(w, s, t, n, e, d, l)
     ON CONFLICT (workload_id, source, ts) DO UPDATE SET total = EXCLUDED.total, errors = EXCLUDED.errors, timed = EXCLUDED.timed, le = EXCLUDED.le`,
    [
      minutes.map((m) => m.workloadId),
      minutes.map((m) => m.source),
      minutes.map((m) => m.ts),
      minutes.map((m) => m.total),
      minutes.map((m) => m.errors),
      minutes.map((m) => m.timed),
      minutes.map((m) => `{${m.le.join(",")}}`),
    ],
  );
  return rowCount ?? 0;
}

export type SliMinute = { ts: number; total: number; errors: number; timed: number; withinThreshold: number };

// One row per minute for a workload: the ingress's view where it saw the minute (that is where users
// are), otherwise the workload's own access log. `bound` is the 1-based index of the latency bound.
export async function readSliMinutes(workloadId: string, from: Date, to: Date, bound: number | null): Promise<SliMinute[]> {
  const { rows } = await getPool().query<{ ts: Date; total: number; errors: number; timed: number; within: number | null }>(
    `SELECT DISTINCT ON (ts) ts, total, errors, timed, le[$4] AS within FROM request_minutes
      WHERE workload_id = $1 AND ts >= $2 AND ts < $3 ORDER BY ts, (source = 'ingress') DESC`,
    [workloadId, from, to, bound ?? 1],
  );
  return rows.map((r) => ({ ts: r.ts.getTime(), total: r.total, errors: r.errors, timed: r.timed, withinThreshold: r.within ?? 0 }));
}

/** Workloads of a cluster with requests seen since `since`: the ones that get request SLOs. */
export async function listServingWorkloads(clusterId: string, since: Date): Promise<string[]> {
  const { rows } = await getPool().query<{ id: string }>(
    `SELECT DISTINCT r.workload_id AS id FROM request_minutes r JOIN workloads w ON w.id = r.workload_id
      WHERE w.cluster_id = $1 AND w.deleted_at IS NULL AND r.ts >= $2`,
    [clusterId, since],
  );
  return rows.map((r) => r.id);
}
