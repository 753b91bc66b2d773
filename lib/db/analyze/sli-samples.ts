import { getPool } from "@/lib/db/pool.ts";
import type { MinuteSample } from "@/lib/domain/availability-sli.ts";

export async function getLastSliSampleTs(sloId: string): Promise<Date | null> {
  const { rows } = await getPool().query<{ ts: Date | null }>(`SELECT max(ts) AS ts FROM sli_samples WHERE slo_id = $1`, [sloId]);
  return rows[0]?.ts ?? null;
}

// One statement for a whole batch (unnest), and ON CONFLICT so re-rolling a minute overwrites it.
export async function upsertSliSamples(sloId: string, samples: readonly MinuteSample[]): Promise<number> {
  if (samples.length === 0) return 0;
  const { rowCount } = await getPool().query(
    `INSERT INTO sli_samples (slo_id, ts, good, total)
     SELECT $1, to_timestamp(t / 1000.0), g, n FROM unnest($2::bigint[], $3::float8[], $4::float8[]) AS u(t, g, n)
     ON CONFLICT (slo_id, ts) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total
       WHERE sli_samples.good IS DISTINCT FROM EXCLUDED.good OR sli_samples.total IS DISTINCT FROM EXCLUDED.total`,
    [sloId, samples.map((s) => s.ts), samples.map((s) => s.good), samples.map((s) => s.total)],
  );
  if (rowCount) await refreshSliHours(sloId, samples[0].ts, samples[samples.length - 1].ts);
  return rowCount ?? 0;
}

// Re-sums every hour holding a minute in [fromMs, toMs] (samples come oldest first) from its minutes.
async function refreshSliHours(sloId: string, fromMs: number, toMs: number): Promise<void> {
  await getPool().query(
    `INSERT INTO sli_hours (slo_id, hour, good, total, first_ts, counted_ts)
     SELECT $1, date_trunc('hour', ts), sum(good), sum(total), min(ts), min(ts) FILTER (WHERE total > 0) FROM sli_samples
      WHERE slo_id = $1 AND ts >= date_trunc('hour', to_timestamp($2 / 1000.0)) AND ts < date_trunc('hour', to_timestamp($3 / 1000.0)) + interval '1 hour'
      GROUP BY 2
     ON CONFLICT (slo_id, hour) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total, first_ts = EXCLUDED.first_ts, counted_ts = EXCLUDED.counted_ts`,
    [sloId, fromMs, toMs],
  );
}

// The hour holding `before` keeps its sum of minutes now gone; windows read it from minutes, never whole.
export async function deleteSliSamplesBefore(sloId: string, before: Date): Promise<void> {
  await getPool().query(`DELETE FROM sli_samples WHERE slo_id = $1 AND ts < $2`, [sloId, before]);
  await getPool().query(`DELETE FROM sli_hours WHERE slo_id = $1 AND hour < date_trunc('hour', $2::timestamptz)`, [sloId, before]);
}

const HOUR = 3_600_000;

/** One SLO's window cut at `edges` (ascending: its start, the alert windows' starts, then now). */
export type SegmentQuery = { sloId: string; edges: readonly number[] };
/** Sums over [from, next edge): firstTs is its first minute, countedTs its first minute with events. */
export type Segment = { from: number; good: number; total: number; firstTs: number | null; countedTs: number | null };

// Every segment of every SLO in one statement: whole hours from sli_hours, the minutes of partial hours
// from sli_samples. Sums are exact, so any window that starts at an edge is a sum of segments.
export async function readSliSegments(queries: readonly SegmentQuery[]): Promise<Map<string, Segment[]>> {
  const ranges: { sloId: string; seg: number; hourly: boolean; from: Date; to: Date }[] = [];
  for (const q of queries) {
    for (let seg = 0; seg + 1 < q.edges.length; seg++) {
      const [p, r] = [q.edges[seg], q.edges[seg + 1]];
      const [ceil, floor] = [Math.ceil(p / HOUR) * HOUR, Math.floor(r / HOUR) * HOUR];
      const add = (hourly: boolean, from: number, to: number) => {
        if (from < to) ranges.push({ sloId: q.sloId, seg, hourly, from: new Date(from), to: new Date(to) });
      };
      if (ceil >= floor) {
        add(false, p, r);
        continue;
      }
      add(false, p, ceil);
      add(true, ceil, floor);
      add(false, floor, r);
    }
  }
  const { rows } = await getPool().query<{ slo_id: string; seg: number; good: number; total: number; first_ts: Date | null; counted_ts: Date | null }>(
    `SELECT r.slo_id, r.seg, sum(v.good) AS good, sum(v.total) AS total, min(v.first_ts) AS first_ts, min(v.counted_ts) AS counted_ts
       FROM unnest($1::uuid[], $2::int[], $3::bool[], $4::timestamptz[], $5::timestamptz[]) AS r(slo_id, seg, hourly, f, t)
       CROSS JOIN LATERAL (
         SELECT good, total, first_ts, counted_ts FROM sli_hours h WHERE r.hourly AND h.slo_id = r.slo_id AND h.hour >= r.f AND h.hour < r.t
         UNION ALL
         SELECT good, total, ts, CASE WHEN total > 0 THEN ts END FROM sli_samples x WHERE NOT r.hourly AND x.slo_id = r.slo_id AND x.ts >= r.f AND x.ts < r.t) v
      GROUP BY r.slo_id, r.seg`,
    [ranges.map((r) => r.sloId), ranges.map((r) => r.seg), ranges.map((r) => r.hourly), ranges.map((r) => r.from), ranges.map((r) => r.to)],
  );
  const edges = new Map(queries.map((q) => [q.sloId, q.edges]));
  const bySlo = new Map<string, Segment[]>(queries.map((q) => [q.sloId, []]));
  for (const r of rows) {
    bySlo.get(r.slo_id)?.push({ from: edges.get(r.slo_id)![r.seg], good: r.good, total: r.total, firstTs: r.first_ts?.getTime() ?? null, countedTs: r.counted_ts?.getTime() ?? null });
  }
  return bySlo;
}
