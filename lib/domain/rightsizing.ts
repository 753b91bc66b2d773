import { percentile } from "./percentile.ts";
import { HOUR_MS } from "./slo.ts";

// Robusta KRR "simple" strategy, with the evidence users asked for (goldilocks#399, krr#379) kept beside
// every number: which percentile, how many samples, over how long, and whether an OOM kill raised it.

export const MIB = 1024 * 1024;
export const GIB = 1024 * MIB;

export const KRR_SIMPLE = {
  cpuPercentile: 95,
  memoryHeadroom: 0.15,
  oomBump: 0.25,
  minSamples: 100,
  minHistoryMs: 3 * HOUR_MS,
  cpuFloorMillis: 10,
  memoryFloorBytes: 100 * MIB,
} as const;

export type UsagePoint = { ts: number; cpuMillis: number; memoryBytes: number };
export type CurrentResources = { cpuRequestMillis: number | null; memoryRequestBytes: number | null; memoryLimitBytes: number | null };

export type RightsizingBasis = {
  strategy: "krr-simple";
  percentileMethod: "nearest-rank";
  cpuPercentile: number;
  cpuPercentileMillis: number;
  memoryMaxBytes: number;
  memoryHeadroom: number;
  oomKilledRecently: boolean;
  oomBump: number;
  sampleCount: number;
  historyFrom: string;
  historyTo: string;
  historyHours: number;
  floors: { cpuMillis: number; memoryBytes: number };
  cpuLimit: null;
  replicas: number;
  savings: { cpuCores: number | null; memoryGiB: number | null };
};

export type Recommendation =
  | { ok: true; cpuRequestMillis: number; cpuLimitMillis: null; memoryRequestBytes: number; memoryLimitBytes: number; basis: RightsizingBasis }
  | { ok: false; reason: string; sampleCount: number; historyHours: number };

export type RecommendInput = { samples: readonly UsagePoint[]; current: CurrentResources; oomKilledRecently: boolean; replicas?: number };

// CPU request = p95 of usage (bursts above it borrow idle CPU) and no CPU limit, because throttling hurts
// latency more than it protects neighbours. Memory request = limit = max usage × 1.15, raised by a further
// 25 % after a recent OOM kill, because memory cannot be borrowed: the peak must fit. Floors 10m / 100 MiB.
// Without ≥ 100 samples spanning ≥ 3 h the peak is not trustworthy, so Uptrust says so instead of guessing.
export function recommendKrrSimple(input: RecommendInput): Recommendation {
  const { samples, current, oomKilledRecently } = input;
  const replicas = Math.max(1, input.replicas ?? 1);
  const sampleCount = samples.length;
  // reduce, not Math.min(...xs): two weeks of per-minute samples overflow the argument limit.
  const from = samples.reduce((m, s) => Math.min(m, s.ts), sampleCount > 0 ? Infinity : 0);
  const to = samples.reduce((m, s) => Math.max(m, s.ts), sampleCount > 0 ? -Infinity : 0);
  const historyHours = Math.round(((to - from) / HOUR_MS) * 100) / 100;
  if (sampleCount < KRR_SIMPLE.minSamples) {
    return { ok: false, reason: `not enough history: ${sampleCount} usage samples, needs at least ${KRR_SIMPLE.minSamples}`, sampleCount, historyHours };
  }
  if (to - from < KRR_SIMPLE.minHistoryMs) {
    return { ok: false, reason: `not enough history: ${historyHours} h of usage, needs at least 3 h`, sampleCount, historyHours };
  }
  const cpuPercentileMillis = percentile(samples.map((s) => s.cpuMillis), KRR_SIMPLE.cpuPercentile) ?? 0;
  const memoryMaxBytes = samples.reduce((m, s) => Math.max(m, s.memoryBytes), 0);
  const cpuRequestMillis = Math.max(KRR_SIMPLE.cpuFloorMillis, Math.ceil(cpuPercentileMillis));
  const bump = oomKilledRecently ? 1 + KRR_SIMPLE.oomBump : 1;
  const memory = Math.max(KRR_SIMPLE.memoryFloorBytes, memoryMaxBytes * (1 + KRR_SIMPLE.memoryHeadroom) * bump);
  const memoryBytes = Math.ceil(memory / MIB) * MIB;
  const savings = {
    cpuCores: current.cpuRequestMillis === null ? null : round3(((current.cpuRequestMillis - cpuRequestMillis) * replicas) / 1000),
    memoryGiB: current.memoryRequestBytes === null ? null : round3(((current.memoryRequestBytes - memoryBytes) * replicas) / GIB),
  };
  const basis: RightsizingBasis = {
    strategy: "krr-simple",
    percentileMethod: "nearest-rank",
    cpuPercentile: KRR_SIMPLE.cpuPercentile,
    cpuPercentileMillis,
    memoryMaxBytes,
    memoryHeadroom: KRR_SIMPLE.memoryHeadroom,
    oomKilledRecently,
    oomBump: oomKilledRecently ? KRR_SIMPLE.oomBump : 0,
    sampleCount,
    historyFrom: new Date(from).toISOString(),
    historyTo: new Date(to).toISOString(),
    historyHours,
    floors: { cpuMillis: KRR_SIMPLE.cpuFloorMillis, memoryBytes: KRR_SIMPLE.memoryFloorBytes },
    cpuLimit: null,
    replicas,
    savings,
  };
  return { ok: true, cpuRequestMillis, cpuLimitMillis: null, memoryRequestBytes: memoryBytes, memoryLimitBytes: memoryBytes, basis };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
