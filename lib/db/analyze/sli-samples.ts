import { getPool } from "@/lib/db/pool.ts";
import type { MinuteSample } from "@/lib/domain/availability-sli.ts";

/** The newest minute rolled up for each SLO asked (absent: none yet). */
export async function readLastSliSampleTimes(sloIds: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await getPool().query<{ id: string; ts: Date | null }>(
    `SELECT s.id, (SELECT max(ts) FROM sli_samples x WHERE x.slo_id = s.id) AS ts FROM unnest($1::uuid[]) AS s(id)`,
    [sloIds],
  );
  return new Map(rows.filter((r) => r.ts !== null).map((r) => [r.id, r.ts!.getTime()]));
}

export type SloSample = MinuteSample & { sloId: string };

// One statement for a whole batch of SLOs' minutes (unnest), ON CONFLICT so re-rolling a minute
// overwrites it; only minutes whose sums changed are written, and only the hours holding them re-summed.
export async function upsertSliSamples(samples: readonly SloSample[]): Promise<number> {
  if (samples.length === 0) return 0;
  const { rows } = await getPool().query<{ slo_id: string; hour: Date; n: string }>(
    `WITH up AS (
       INSERT INTO sli_samples (slo_id, ts, good, total)
       SELECT s, to_timestamp(t / 1000.0), g, n FROM unnest($1::uuid[], $2::bigint[], $3::float8[], $4::float8[]) AS u(s, t, g, n)
       ON CONFLICT (slo_id, ts) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total
         WHERE sli_samples.good IS DISTINCT FROM EXCLUDED.good OR sli_samples.total IS DISTINCT FROM EXCLUDED.total
       RETURNING slo_id, ts)
     SELECT slo_id, date_trunc('hour', ts) AS hour, count(*) AS n FROM up GROUP BY 1, 2`,
    [samples.map((s) => s.sloId), samples.map((s) => s.ts), samples.map((s) => s.good), samples.map((s) => s.total)],
  );
  if (rows.length > 0) await refreshSliHours(rows.map((r) => r.slo_id), rows.map((r) => r.hour));
  return rows.reduce((n, r) => n + Number(r.n), 0);
}

// Re-sums each (SLO, hour) asked from its minutes, once they are written.
async function refreshSliHours(sloIds: readonly string[], hours: readonly Date[]): Promise<void> {
  await getPool().query(
    `INSERT INTO sli_hours (slo_id, hour, good, total, first_ts, counted_ts)
     SELECT h.slo_id, h.hour, sum(x.good), sum(x.total), min(x.ts), min(x.ts) FILTER (WHERE x.total > 0)
       FROM unnest($1::uuid[], $2::timestamptz[]) AS h(slo_id, hour)
       JOIN sli_samples x ON x.slo_id = h.slo_id AND x.ts >= h.hour AND x.ts < h.hour + interval '1 hour'
      GROUP BY 1, 2
     ON CONFLICT (slo_id, hour) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total, first_ts = EXCLUDED.first_ts, counted_ts = EXCLUDED.counted_ts`,
    [sloIds, hours],
  );
}

// Minutes (and whole hours) older than each SLO's `before`, for every SLO asked in two statements. The
// hour holding `before` keeps its sum of minutes now gone; windows read it from minutes, never whole.
export async function deleteSliSamplesBefore(cutoffs: readonly { sloId: string; before: Date }[]): Promise<void> {
  if (cutoffs.length === 0) return;
  const params = [cutoffs.map((c) => c.sloId), cutoffs.map((c) => c.before)];
  await getPool().query(`DELETE FROM sli_samples x USING unnest($1::uuid[], $2::timestamptz[]) AS c(slo_id, before) WHERE x.slo_id = c.slo_id AND x.ts < c.before`, params);
  await getPool().query(
    `DELETE FROM sli_hours x USING unnest($1::uuid[], $2::timestamptz[]) AS c(slo_id, before) WHERE x.slo_id = c.slo_id AND x.hour < date_trunc('hour', c.before)`,
    params,
  );
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
