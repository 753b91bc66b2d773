import { getPool } from "@/lib/db/pool.ts";
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

export async function replaceBudgetCharges(sloId: string, charges: readonly DescribedCharge[], computedAt: Date): Promise<void> {
  // Most SLOs have spent nothing: one statement clears whatever an earlier window held.
  if (charges.length === 0) {
    await getPool().query(`DELETE FROM budget_charges WHERE slo_id = $1`, [sloId]);
    return;
  }
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    await client.query(`DELETE FROM budget_charges WHERE slo_id = $1`, [sloId]);
    await client.query(
      `INSERT INTO budget_charges (slo_id, position, change_id, description, spent, bad, intervals, computed_at)
       SELECT $1, p, c, d, s, b, i::jsonb, $8 FROM unnest($2::int[], $3::uuid[], $4::text[], $5::float8[], $6::float8[], $7::text[]) AS u(p, c, d, s, b, i)`,
      [
        sloId,
        charges.map((_, i) => i),
        charges.map((c) => c.change?.id ?? null),
        charges.map((c) => c.description),
        charges.map((c) => c.spent),
        charges.map((c) => c.bad),
        charges.map((c) => JSON.stringify(c.intervals.map((i) => ({ from: new Date(i.from).toISOString(), to: new Date(i.to).toISOString(), bad: i.bad })))),
        computedAt,
      ],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}
