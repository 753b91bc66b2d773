import { getPool } from "@/lib/db/pool.ts";
import { withTransaction } from "@/lib/db/with-transaction.ts";
import type { BadMinute, BudgetCharge, ChargeableChange } from "@/lib/domain/budget-attribution.ts";

export type RangeOf<K extends string> = { [key in K]: string } & { from: Date; to: Date };

// Only minutes with failures can burn, and the rollup keeps those apart (sli_bad_minutes): every SLO's
// failed minutes in one statement, one short index range each, so a window of healthy minutes costs
// nothing. OFFSET 0 keeps each read that range rather than a join the planner may choose over all rows.
export async function readBadMinutes(ranges: readonly RangeOf<"sloId">[]): Promise<BadMinute[][]> {
  const out: BadMinute[][] = ranges.map(() => []);
  if (ranges.length === 0) return out;
  const { rows } = await getPool().query<{ i: string; ts: number; good: number; total: number }>(
    `SELECT r.i, extract(epoch FROM x.ts)::float8 * 1000 AS ts, x.good, x.total
       FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS r(slo_id, f, t, i)
       CROSS JOIN LATERAL (SELECT ts, good, total FROM sli_bad_minutes x WHERE x.slo_id = r.slo_id AND x.ts >= r.f AND x.ts < r.t ORDER BY ts OFFSET 0) x`,
    [ranges.map((r) => r.sloId), ranges.map((r) => r.from), ranges.map((r) => r.to)],
  );
  for (const r of rows) out[Number(r.i) - 1].push({ ts: r.ts, good: r.good, total: r.total });
  for (const minutes of out) minutes.sort((a, b) => a.ts - b.ts);
  return out;
}

// The changes of each workload asked in [from, to], in one statement.
export async function readChargeableChanges(ranges: readonly RangeOf<"workloadId">[]): Promise<ChargeableChange[][]> {
  const out: ChargeableChange[][] = ranges.map(() => []);
  if (ranges.length === 0) return out;
  const { rows } = await getPool().query<{ i: string; id: string; observed_at: Date; summary: string; kind: string; revision: string | null }>(
    `SELECT r.i, c.id, c.observed_at, c.summary, c.kind, c.revision
       FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS r(workload_id, f, t, i)
       JOIN changes c ON c.workload_id = r.workload_id AND c.observed_at >= r.f AND c.observed_at <= r.t
      ORDER BY r.i, c.observed_at`,
    [ranges.map((r) => r.workloadId), ranges.map((r) => r.from), ranges.map((r) => r.to)],
  );
  for (const r of rows) out[Number(r.i) - 1].push({ id: r.id, observedAt: r.observed_at.getTime(), summary: r.summary, kind: r.kind, revision: r.revision });
  return out;
}

export type DescribedCharge = BudgetCharge & { description: string };

// Every SLO's charges replaced in one transaction: the evaluator hands over all of them, most empty.
export async function replaceBudgetCharges(bySlo: readonly { sloId: string; charges: readonly DescribedCharge[] }[], computedAt: Date): Promise<void> {
  if (bySlo.length === 0) return;
  const rows = bySlo.flatMap((s) => s.charges.map((c, position) => ({ sloId: s.sloId, position, c })));
  await withTransaction(async (client) => {
    await client.query(`DELETE FROM budget_charges WHERE slo_id = ANY($1::uuid[])`, [bySlo.map((s) => s.sloId)]);
    if (rows.length > 0) {
      await client.query(
        `INSERT INTO budget_charges (slo_id, position, change_id, description, spent, bad, intervals, computed_at)
         SELECT s, p, c, d, sp, b, i::jsonb, $8 FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::float8[], $6::float8[], $7::text[]) AS u(s, p, c, d, sp, b, i)`,
        [
          rows.map((r) => r.sloId),
          rows.map((r) => r.position),
          rows.map((r) => r.c.change?.id ?? null),
          rows.map((r) => r.c.description),
          rows.map((r) => r.c.spent),
          rows.map((r) => r.c.bad),
          rows.map((r) => JSON.stringify(r.c.intervals.map((i) => ({ from: new Date(i.from).toISOString(), to: new Date(i.to).toISOString(), bad: i.bad })))),
          computedAt,
        ],
      );
    }
  });
}
