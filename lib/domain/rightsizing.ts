import { sortedCpuSpread, historySpan, MIN_HISTORY_MS, MIN_SAMPLES, notEnoughHistory, round3, weightedPercentile, type HistorySpan, type UsageBucket } from "./usage-history.ts";

// Robusta KRR "simple" strategy over the 5-minute usage rollups, with the evidence users asked for
// (goldilocks#399, krr#379) kept beside every number: which percentile and how it was taken, how many
// samples over how long, and whether an OOM kill raised it.

export const MIB = 1024 * 1024;
export const GIB = 1024 * MIB;

export const KRR_SIMPLE = {
  cpuPercentile: 95,
  memoryHeadroom: 0.15,
  oomBump: 0.25,
  minSamples: MIN_SAMPLES,
  minHistoryMs: MIN_HISTORY_MS,
  cpuFloorMillis: 10,
  memoryFloorBytes: 100 * MIB,
} as const;

export type CurrentResources = { cpuRequestMillis: number | null; memoryRequestBytes: number | null; memoryLimitBytes: number | null };

/** What every strategy's basis says about the history it read. */
export type HistoryBasis = {
  /** The 5-minute buckets read: Uptrust's metrics.k8s.io rollups or cAdvisor's series from Prometheus (usage-source.ts). */
  source: "usage_rollups_5m" | "prometheus_cadvisor_5m";
  sampleCount: number;
  bucketCount: number;
  historyFrom: string;
  historyTo: string;
  historyHours: number;
};

export type KrrBasis = HistoryBasis & {
  strategy: "krr-simple";
  percentileMethod: "nearest-rank over rollup buckets (upper bound)";
  cpuPercentile: number;
  cpuPercentileMillis: number;
  memoryMaxBytes: number;
  memoryHeadroom: number;
  oomKilledRecently: boolean;
  oomBump: number;
  floors: { cpuMillis: number; memoryBytes: number };
  cpuLimit: null;
};

export type Sized<B> = { ok: true; cpuRequestMillis: number; memoryRequestBytes: number; memoryLimitBytes: number; basis: B };
export type NotSized = { ok: false; reason: string; sampleCount: number; historyHours: number };

export type KrrInput = { buckets: readonly UsageBucket[]; oomKilledRecently: boolean };

export function historyBasis(span: HistorySpan): HistoryBasis {
  return {
    source: "usage_rollups_5m",
    sampleCount: span.sampleCount,
    bucketCount: span.bucketCount,
    historyFrom: new Date(span.from).toISOString(),
    historyTo: new Date(span.to).toISOString(),
    historyHours: span.hours,
  };
}

/** Memory is requested in whole MiB, rounded up: a recommendation never lands below its own formula. */
export const ceilMiB = (bytes: number): number => Math.ceil(bytes / MIB) * MIB;

// CPU request = p95 of usage (bursts above it borrow idle CPU) and no CPU limit, because throttling hurts
// latency more than it protects neighbours. Memory request = limit = max usage × 1.15, raised by a further
// 25 % after a recent OOM kill, because memory cannot be borrowed: the peak must fit. Floors 10m / 100 MiB.
// The p95 is taken over each bucket's samples rebuilt from its p50/p95/max (spreadBucket), which is never
// below KRR's p95 over the raw samples; the peak is the largest bucket max, exactly KRR's.
export function recommendKrrSimple(input: KrrInput): Sized<KrrBasis> | NotSized {
  const { buckets, oomKilledRecently } = input;
  const span = historySpan(buckets);
  const missing = notEnoughHistory(span);
  if (missing) return { ok: false, reason: missing, sampleCount: span.sampleCount, historyHours: span.hours };
  const cpuPercentileMillis = round3(weightedPercentile(sortedCpuSpread(buckets), KRR_SIMPLE.cpuPercentile) ?? 0);
  const memoryMaxBytes = buckets.reduce((m, b) => Math.max(m, b.memoryMax), 0);
  const cpuRequestMillis = Math.max(KRR_SIMPLE.cpuFloorMillis, Math.ceil(cpuPercentileMillis));
  const bump = oomKilledRecently ? 1 + KRR_SIMPLE.oomBump : 1;
  const memoryBytes = ceilMiB(Math.max(KRR_SIMPLE.memoryFloorBytes, memoryMaxBytes * (1 + KRR_SIMPLE.memoryHeadroom) * bump));
  const basis: KrrBasis = {
    strategy: "krr-simple",
    ...historyBasis(span),
    percentileMethod: "nearest-rank over rollup buckets (upper bound)",
    cpuPercentile: KRR_SIMPLE.cpuPercentile,
    cpuPercentileMillis,
    memoryMaxBytes,
    memoryHeadroom: KRR_SIMPLE.memoryHeadroom,
    oomKilledRecently,
    oomBump: oomKilledRecently ? KRR_SIMPLE.oomBump : 0,
    floors: { cpuMillis: KRR_SIMPLE.cpuFloorMillis, memoryBytes: KRR_SIMPLE.memoryFloorBytes },
    cpuLimit: null,
  };
  return { ok: true, cpuRequestMillis, memoryRequestBytes: memoryBytes, memoryLimitBytes: memoryBytes, basis };
}
