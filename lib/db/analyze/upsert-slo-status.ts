import { getPool } from "@/lib/db/pool.ts";
import type { RuleEvaluation } from "@/lib/domain/burn-rate.ts";
import type { SloFigures } from "@/lib/views/slo.ts";

export type SloStatusRow = SloFigures & {
  sloId: string;
  computedAt: Date;
  windows: RuleEvaluation[];
  exhaustedAt: Date | null;
  windowStart: Date;
  /** The first measured minute in the window; null before any. */
  measuredSince: Date | null;
};

// Every SLO's status in one statement (one JSON array of rows).
export async function upsertSloStatuses(rows: readonly SloStatusRow[]): Promise<void> {
  if (rows.length === 0) return;
  await getPool().query(
    `INSERT INTO slo_status (slo_id, computed_at, sli, budget_remaining, burn_rate_1h, burn_rate_6h, burn_rate_30d, alert, explanation, windows, exhausted_at, window_start, measured_since)
     SELECT "sloId", "computedAt", sli, "budgetRemaining", "burnRate1h", "burnRate6h", "burnRate30d", alert, explanation, windows, "exhaustedAt", "windowStart", "measuredSince"
       FROM jsonb_to_recordset($1::jsonb) AS r("sloId" uuid, "computedAt" timestamptz, sli float8, "budgetRemaining" float8, "burnRate1h" float8, "burnRate6h" float8,
            "burnRate30d" float8, alert text, explanation text, windows jsonb, "exhaustedAt" timestamptz, "windowStart" timestamptz, "measuredSince" timestamptz)
     ON CONFLICT (slo_id) DO UPDATE SET computed_at = EXCLUDED.computed_at, sli = EXCLUDED.sli,
       budget_remaining = EXCLUDED.budget_remaining, burn_rate_1h = EXCLUDED.burn_rate_1h, burn_rate_6h = EXCLUDED.burn_rate_6h,
       burn_rate_30d = EXCLUDED.burn_rate_30d, alert = EXCLUDED.alert, explanation = EXCLUDED.explanation,
       windows = EXCLUDED.windows, exhausted_at = EXCLUDED.exhausted_at, window_start = EXCLUDED.window_start,
       measured_since = EXCLUDED.measured_since`,
    [JSON.stringify(rows)],
  );
}
