import { getPool } from "@/lib/db/pool.ts";
import type { RuleEvaluation } from "@/lib/domain/burn-rate.ts";

export type SloStatusRow = {
  sloId: string;
  computedAt: Date;
  sli: number;
  budgetRemaining: number;
  burnRate1h: number;
  burnRate6h: number;
  /** Burn over the SLO's whole window (30 days for the defaults). */
  burnRate30d: number;
  alert: "page" | "ticket" | null;
  explanation: string;
  windows: RuleEvaluation[];
  exhaustedAt: Date | null;
  windowStart: Date;
};

export async function upsertSloStatus(s: SloStatusRow): Promise<void> {
  await getPool().query(
    `INSERT INTO slo_status (slo_id, computed_at, sli, budget_remaining, burn_rate_1h, burn_rate_6h, burn_rate_30d, alert, explanation, windows, exhausted_at, window_start)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (slo_id) DO UPDATE SET computed_at = EXCLUDED.computed_at, sli = EXCLUDED.sli,
       budget_remaining = EXCLUDED.budget_remaining, burn_rate_1h = EXCLUDED.burn_rate_1h, burn_rate_6h = EXCLUDED.burn_rate_6h,
       burn_rate_30d = EXCLUDED.burn_rate_30d, alert = EXCLUDED.alert, explanation = EXCLUDED.explanation,
       windows = EXCLUDED.windows, exhausted_at = EXCLUDED.exhausted_at, window_start = EXCLUDED.window_start`,
    [s.sloId, s.computedAt, s.sli, s.budgetRemaining, s.burnRate1h, s.burnRate6h, s.burnRate30d, s.alert, s.explanation, JSON.stringify(s.windows), s.exhaustedAt, s.windowStart],
  );
}
