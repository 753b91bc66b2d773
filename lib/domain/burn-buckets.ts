import { HOUR_MS } from "./slo.ts";

// An SLO card's burn chart covers the cockpit's time range in at most 48 buckets: a card is a few hundred
// pixels wide, and the analyzer keeps hour sums, so a bucket is a whole number of hours that divides a
// day (bucket edges then fall on the same UTC hours every day): 24 hourly points by default, 4-hour
// buckets over a week (42), daily over 30 days (30). A bucket's burn is its summed bad ÷ summed total
// over the budget, the same formula as an hour's.
export const MAX_BURN_BUCKETS = 48;
const BUCKET_HOURS = [1, 2, 3, 4, 6, 8, 12, 24] as const;

export function burnBucketHours(rangeMs: number): number {
  const hours = rangeMs / HOUR_MS / MAX_BURN_BUCKETS;
  return BUCKET_HOURS.find((h) => h >= hours) ?? Math.ceil(hours / 24) * 24;
}
