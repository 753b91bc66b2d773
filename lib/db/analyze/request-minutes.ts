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

export type MinuteRange = { workloadId: string; from: Date; to: Date };
/** A workload's requests in one minute: `le[i]` counts those answered within LATENCY_BOUNDS_MS[i]. */
export type SliMinute = { ts: number; total: number; errors: number; timed: number; le: number[] };

// One row per minute for each range, answered in the order asked: the ingress's view where it saw the
// minute (that is where users are), otherwise the workload's own access log. Naming both sources lets
// the primary key's index bound the time range for each of them.
export async function readSliMinutes(ranges: readonly MinuteRange[]): Promise<SliMinute[][]> {
  const out: SliMinute[][] = ranges.map(() => []);
  if (ranges.length === 0) return out;
  const { rows } = await getPool().query<{ i: string; ts: Date; total: number; errors: number; timed: number; le: number[] | null }>(
    `SELECT r.i, m.ts, m.total, m.errors, m.timed, m.le
       FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS r(w, f, t, i)
       CROSS JOIN LATERAL (
         SELECT DISTINCT ON (ts) ts, total, errors, timed, le FROM request_minutes
          WHERE workload_id = r.w AND source IN ('ingress', 'app') AND ts >= r.f AND ts < r.t ORDER BY ts, (source = 'ingress') DESC) m
      ORDER BY r.i, m.ts`,
    [ranges.map((r) => r.workloadId), ranges.map((r) => r.from), ranges.map((r) => r.to)],
  );
  for (const r of rows) out[Number(r.i) - 1].push({ ts: r.ts.getTime(), total: r.total, errors: r.errors, timed: r.timed, le: r.le ?? [] });
  return out;
}

/** Workloads of a cluster with requests seen since `since` that still lack one of the SLOs named: the
 * ones that get request SLOs. One index probe a workload, so a cycle never re-reads 30 days of minutes. */
export async function listServingWorkloads(clusterId: string, since: Date, sloNames: readonly string[]): Promise<string[]> {
  const { rows } = await getPool().query<{ id: string }>(
    `SELECT w.id FROM workloads w
      WHERE w.cluster_id = $1 AND w.deleted_at IS NULL
        AND (SELECT count(*) FROM slos s WHERE s.workload_id = w.id AND s.name = ANY($3::text[])) < cardinality($3::text[])
        AND EXISTS (SELECT 1 FROM request_minutes r WHERE r.workload_id = w.id AND r.source IN ('ingress', 'app') AND r.ts >= $2)`,
    [clusterId, since, sloNames],
  );
  return rows.map((r) => r.id);
}
