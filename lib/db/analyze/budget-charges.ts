import { getPool } from "@/lib/db/pool.ts";
import { withTransaction } from "@/lib/db/with-transaction.ts";
import type { BadMinute, BudgetCharge, ChargeableChange } from "@/lib/domain/budget-attribution.ts";

// Only minutes with failures can burn: reading just those keeps a 30-day window cheap for a healthy SLO.
export async function readBadMinutes(sloId: string, from: Date, to: Date): Promise<BadMinute[]> {
  const { rows } = await getPool().query<{ ts: Date; good: number; total: number }>(
    `SELECT ts, good, total FROM sli_samples WHERE slo_id = $1 AND ts >= $2 AND ts < $3 AND good < total ORDER BY ts`,
    [sloId, from, to],
  );
  return rows.map((r) => ({ ts: r.ts.getTime(), good: r.good, total: r.total }));
}

export async function readChargeableChanges(workloadId: string, from: Date, to: Date): Promise<ChargeableChange[]> {
  const { rows } = await getPool().query<{ id: string; observed_at: Date; summary: string; kind: string; revision: string | null }>(
    `SELECT id, observed_at, summary, kind, revision FROM changes WHERE workload_id = $1 AND observed_at >= $2 AND observed_at <= $3 ORDER BY observed_at`,
    [workloadId, from, to],
  );
  return rows.map((r) => ({ id: r.id, observedAt: r.observed_at.getTime(), summary: r.summary, kind: r.kind, revision: r.revision }));
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
