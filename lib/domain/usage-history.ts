import { HOUR_MS, MINUTE_MS } from "./slo.ts";

// Right-sizing reads usage from the 5-minute rollups (usage_rollups_5m: p50, p95 and max of every sample
// of every pod of a workload container in the bucket, kept 30 days), not from raw samples: raw samples
// are kept only 14 days and two weeks of them at 10,000 pods is far too much to read every few minutes.

export const BUCKET_MS = 5 * MINUTE_MS;

export type UsageBucket = {
  /** Start of the bucket, ms since the epoch (cluster time). */
  start: number;
  /** Raw samples the bucket summarises. */
  samples: number;
  cpuP50: number;
  cpuP95: number;
  cpuMax: number;
  memoryP50: number;
  memoryP95: number;
  memoryMax: number;
};

// KRR's "simple" strategy will not answer below 100 data points or 3 hours of history: a peak seen
// over less is not one to size a container by. Points are raw samples, counted through the rollups.
export const MIN_SAMPLES = 100;
export const MIN_HISTORY_MS = 3 * HOUR_MS;

export type HistorySpan = { sampleCount: number; bucketCount: number; from: number; to: number; hours: number };

// The span is measured on bucket edges (first bucket's start to last bucket's end): what the rollups
// cover, and what a user finds on the usage chart. It can read up to one bucket longer than the raw
// samples inside, which is within the rollups' resolution.
export function historySpan(buckets: readonly UsageBucket[]): HistorySpan {
  if (buckets.length === 0) return { sampleCount: 0, bucketCount: 0, from: 0, to: 0, hours: 0 };
  let from = Infinity;
  let to = -Infinity;
  let sampleCount = 0;
  for (const b of buckets) {
    from = Math.min(from, b.start);
    to = Math.max(to, b.start + BUCKET_MS);
    sampleCount += b.samples;
  }
  return { sampleCount, bucketCount: buckets.length, from, to, hours: round2((to - from) / HOUR_MS) };
}

/** Why there is no recommendation yet, or null when the history is enough. */
export function notEnoughHistory(span: HistorySpan): string | null {
  if (span.sampleCount < MIN_SAMPLES) return `not enough history: ${span.sampleCount} usage samples, needs at least ${MIN_SAMPLES}`;
  if (span.to - span.from < MIN_HISTORY_MS) return `not enough history: ${span.hours} h of usage, needs at least 3 h`;
  return null;
}

export type WeightedValue = { value: number; weight: number; ts: number };

// A bucket's samples, rebuilt as three groups that never under-state a sample. The rollup's p50 and
// p95 are PostgreSQL's percentile_cont, which interpolates at rank h = q·(n−1) of the sorted samples, so
// the lowest ⌊h⌋+1 samples are ≤ that percentile. Every sample is counted at the smallest rollup value
// known to be ≥ it: the lowest ⌊0.5(n−1)⌋+1 at p50, the rest up to ⌊0.95(n−1)⌋+1 at p95, the remainder
// at max (the max is itself one of the samples). Any percentile over these groups is therefore ≥ the
// same percentile over the raw samples, and equal to it when a bucket's samples are alike. (The alternatives are worse: a sample-weighted
// p95 of bucket p95s can fall below the true p95, by up to the 5 % of each bucket above its own p95;
// the max of bucket p95s ignores all but the busiest five minutes of two weeks.)
export function spreadBucket(start: number, samples: number, p50: number, p95: number, max: number): WeightedValue[] {
  const out: WeightedValue[] = [];
  pushSpread(out, start, samples, p50, p95, max);
  return out;
}

// spreadBucket into an array already there: two weeks of buckets are 12,000 values, built without an
// array per bucket.
function pushSpread(out: WeightedValue[], start: number, samples: number, p50: number, p95: number, max: number): void {
  const n = Math.max(1, Math.floor(samples));
  const atP50 = Math.floor(0.5 * (n - 1)) + 1;
  const atP95 = Math.max(atP50, Math.floor(0.95 * (n - 1)) + 1);
  const ts = start + BUCKET_MS / 2;
  out.push({ value: p50, weight: atP50, ts });
  if (atP95 > atP50) out.push({ value: p95, weight: atP95 - atP50, ts });
  if (n > atP95) out.push({ value: max, weight: n - atP95, ts });
}

export function cpuSpread(buckets: readonly UsageBucket[]): WeightedValue[] {
  const out: WeightedValue[] = [];
  for (const b of buckets) pushSpread(out, b.start, b.samples, b.cpuP50, b.cpuP95, b.cpuMax);
  return out;
}

// KRR's p95 and the HPA advice's median read the same two weeks of buckets (12,000 weighted values):
// their spread is built and sorted once per list of buckets, not once per percentile.
const sortedSpreads = new WeakMap<readonly UsageBucket[], readonly WeightedValue[]>();
export function sortedCpuSpread(buckets: readonly UsageBucket[]): readonly WeightedValue[] {
  let sorted = sortedSpreads.get(buckets);
  if (!sorted) sortedSpreads.set(buckets, (sorted = cpuSpread(buckets).sort((a, b) => a.value - b.value)));
  return sorted;
}

const isSortedAndWeighted = (values: readonly WeightedValue[]) => values.every((v, i) => v.weight > 0 && (i === 0 || values[i - 1].value <= v.value));

// Nearest-rank percentile over weighted values: the smallest value with at least p % of the weight at
// or below it. With whole-number weights this is exactly nearest-rank over the expanded samples, so the
// figure shown is one the rollups actually hold.
export function weightedPercentile(values: readonly WeightedValue[], p: number): number | undefined {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  const sorted = isSortedAndWeighted(values) ? values : values.filter((v) => v.weight > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, v) => sum + v.weight, 0);
  if (total <= 0) return undefined;
  const wanted = (p / 100) * total;
  let seen = 0;
  for (const v of sorted) {
    seen += v.weight;
    if (seen >= wanted - 1e-9 * total) return v.value;
  }
  return sorted[sorted.length - 1].value;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
export const round3 = (n: number): number => Math.round(n * 1000) / 1000;
