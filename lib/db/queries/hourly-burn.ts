import type { HourlyBurnPoint } from "@/lib/views/slo.ts";

export type HourBucket = { sloId: string; hour: Date; good: number | null; total: number | null };

// Burn rate of one hour = observed error ratio ÷ error budget = (1 − good/total) ÷ (1 − target).
// 1× spends the budget exactly over the SLO window; 14.4× spends 2 % of a 30-day budget in an hour.
// An hour without samples has no burn (null), not zero: the chart shows a gap rather than a calm line.
export function burnRateOf(good: number | null, total: number | null, target: number): number | null {
  if (good === null || total === null || total <= 0) return null;
  const budget = 1 - target;
  if (budget <= 0) return null;
  const errorRatio = Math.min(1, Math.max(0, 1 - good / total));
  return errorRatio / budget;
}

export function toHourlyBurn(buckets: HourBucket[], target: number): HourlyBurnPoint[] {
  return [...buckets]
    .sort((a, b) => a.hour.getTime() - b.hour.getTime())
    .map((b) => ({ hour: b.hour.toISOString(), burn: burnRateOf(b.good, b.total, target) }));
}
