import { getPool } from "@/lib/db/pool.ts";
import { LOOKUP_FAILURE_PATTERN, type LookupLine, type LookupMinute } from "@/lib/domain/lookup-failures.ts";

// Lines reporting a failed name lookup, placed on their pod's workload; the pattern runs in the database.
export async function readLookupLines(clusterId: string, from: Date, to: Date): Promise<LookupLine[]> {
  const { rows } = await getPool().query<{ workload_id: string; ts: Date; message: string }>(
    `SELECT w.id AS workload_id, l.ts, l.message FROM log_lines l
       JOIN pods p ON p.cluster_id = l.cluster_id AND p.namespace = l.namespace AND p.name = l.pod
       JOIN workloads w ON w.cluster_id = p.cluster_id AND w.namespace = p.namespace AND w.kind = p.workload_kind AND w.name = p.workload_name
      WHERE l.cluster_id = $1 AND l.ts >= $2 AND l.ts < $3 AND l.message ~* $4`,
    [clusterId, from, to, LOOKUP_FAILURE_PATTERN],
  );
  return rows.map((r) => ({ workloadId: r.workload_id, ts: r.ts.getTime(), message: r.message }));
}

export async function upsertLookupMinutes(minutes: readonly LookupMinute[]): Promise<number> {
  if (minutes.length === 0) return 0;
  const { rowCount } = await getPool().query(
    `INSERT INTO lookup_failures (workload_id, ts, lines, sample)
     SELECT w, to_timestamp(t / 1000.0), n, s FROM unnest($1::uuid[], $2::bigint[], $3::int[], $4::text[]) AS u(w, t, n, s)
     ON CONFLICT (workload_id, ts) DO UPDATE SET lines = EXCLUDED.lines, sample = EXCLUDED.sample`,
    [minutes.map((m) => m.workloadId), minutes.map((m) => m.ts), minutes.map((m) => m.lines), minutes.map((m) => m.sample)],
  );
  return rowCount ?? 0;
}

export type WorkloadLookups = { workloadId: string; minutes: { ts: number; lines: number; sample: string }[] };

export async function readLookupFailures(clusterId: string, from: Date, to: Date): Promise<WorkloadLookups[]> {
  const { rows } = await getPool().query<{ workload_id: string; ts: Date; lines: number; sample: string }>(
    `SELECT f.workload_id, f.ts, f.lines, f.sample FROM lookup_failures f JOIN workloads w ON w.id = f.workload_id
      WHERE w.cluster_id = $1 AND f.ts >= $2 AND f.ts <= $3 ORDER BY f.workload_id, f.ts`,
    [clusterId, from, to],
  );
  const by = new Map<string, WorkloadLookups>();
  for (const r of rows) {
    const w = by.get(r.workload_id) ?? { workloadId: r.workload_id, minutes: [] };
    w.minutes.push({ ts: r.ts.getTime(), lines: r.lines, sample: r.sample });
    by.set(r.workload_id, w);
  }
  return [...by.values()];
}

// What the log scan derived is kept as long as the SLO windows that read it (30 days) and a day more.
export async function deleteLogDerivedBefore(clusterId: string, before: Date): Promise<number> {
  let deleted = 0;
  for (const table of ["request_minutes", "lookup_failures"]) {
    const { rowCount } = await getPool().query(
      `DELETE FROM ${table} t USING workloads w WHERE w.id = t.workload_id AND w.cluster_id = $1 AND t.ts < $2`,
      [clusterId, before],
    );
    deleted += rowCount ?? 0;
  }
  return deleted;
}
