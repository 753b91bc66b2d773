import { createDecayingHistogram } from "./decaying-histogram.ts";
import { ceilMiB, historyBasis, MIB, type HistoryBasis, type NotSized, type Sized } from "./rightsizing.ts";
import { DAY_MS, HOUR_MS } from "./slo.ts";
import { cpuSpread, historySpan, notEnoughHistory, round3, type UsageBucket } from "./usage-history.ts";

// The Kubernetes VPA recommender's arithmetic over the same 5-minute rollups KRR reads, so the two can
// stand side by side. VPA itself answers from the first sample with bounds that start wide; Uptrust
// waits for KRR's 100 samples over 3 hours, so both columns always rest on the same history.

export const VPA = {
  halfLifeMs: 24 * HOUR_MS,
  cpu: { target: 90, lower: 50, upper: 95 },
  memoryDays: 8,
  safetyMargin: 0.15,
  cpuFloorMillis: 25,
  memoryFloorBytes: 250 * MIB,
  oomBumpRatio: 1.2,
  oomMinBumpBytes: 100 * MIB,
  // VPA's histogram buckets: 10m CPU / 10 MB wide at first, each 5 % wider than the last.
  cpuHistogram: { firstBucketSize: 10, ratio: 1.05, maxValue: 1_000_000 },
  memoryHistogram: { firstBucketSize: 1e7, ratio: 1.05, maxValue: 1e12 },
} as const;

export type Resources = { cpuMillis: number; memoryBytes: number };
export type DailyPeak = { from: string; to: string; peakBytes: number };

export type VpaBasis = HistoryBasis & {
  strategy: "vpa";
  halfLifeHours: number;
  cpuPercentiles: { target: number; lower: number; upper: number };
  cpuEstimateMillis: { p50: number; p90: number; p95: number };
  memoryPeaks: DailyPeak[];
  memoryEstimateBytes: { p50: number; p90: number; p95: number };
  safetyMargin: number;
  historyDays: number;
  upperBoundFactor: number;
  floors: { cpuMillis: number; memoryBytes: number };
  oom: { usageBytes: number; floorBytes: number } | null;
  target: Resources;
  lowerBound: Resources;
  upperBound: Resources;
};

export type VpaInput = {
  buckets: readonly UsageBucket[];
  now: number;
  /** Memory the container was using when it was last OOM-killed (its limit, when known), if it was recently. */
  oomUsageBytes: number | null;
};

// Memory "usage" in VPA is the peak of each day (24 h intervals ending now), over the last 8 days.
export function dailyPeaks(buckets: readonly UsageBucket[], now: number, days: number): (DailyPeak & { ts: number })[] {
  const peaks: (DailyPeak & { ts: number })[] = [];
  for (let k = 0; k < days; k++) {
    const to = now - k * DAY_MS;
    const from = to - DAY_MS;
    let peak: UsageBucket | undefined;
    for (const b of buckets) if (b.start >= from && b.start < to && (!peak || b.memoryMax > peak.memoryMax)) peak = b;
    if (peak) peaks.push({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), peakBytes: peak.memoryMax, ts: peak.start });
  }
  return peaks.reverse();
}

// target = p90 of decayed CPU usage and of daily memory peaks, lower bound = p50, upper bound = p95, each
// + 15 % safety margin (room for what history has not shown yet). The upper bound is widened by
// (1 + 1/days of history) because a short history cannot have seen the bad day. Floors 25m / 250 MiB.
// After an OOM kill memory is at least max(1.2 × usage, usage + 100 MiB): the kill proves usage reached
// the limit, so the next size must clear it by a margin that still matters for small containers.
// Request = limit = target is Goldilocks' "Guaranteed"; lower/upper are its "Burstable" pair.
export function recommendVpa(input: VpaInput): Sized<VpaBasis> | NotSized {
  const { now } = input;
  const buckets = input.buckets.filter((b) => b.start >= now - VPA.memoryDays * DAY_MS && b.start < now);
  const span = historySpan(buckets);
  const missing = notEnoughHistory(span);
  if (missing) return { ok: false, reason: missing, sampleCount: span.sampleCount, historyHours: span.hours };

  const cpu = createDecayingHistogram({ ...VPA.cpuHistogram, halfLifeMs: VPA.halfLifeMs }, now);
  for (const v of cpuSpread(buckets)) cpu.add(v.value, v.weight, v.ts);
  const memory = createDecayingHistogram({ ...VPA.memoryHistogram, halfLifeMs: VPA.halfLifeMs }, now);
  const peaks = dailyPeaks(buckets, now, VPA.memoryDays);
  for (const p of peaks) memory.add(p.peakBytes, 1, p.ts);

  const cpuEstimateMillis = { p50: cpu.percentile(VPA.cpu.lower) ?? 0, p90: cpu.percentile(VPA.cpu.target) ?? 0, p95: cpu.percentile(VPA.cpu.upper) ?? 0 };
  const memoryEstimateBytes = { p50: memory.percentile(50) ?? 0, p90: memory.percentile(90) ?? 0, p95: memory.percentile(95) ?? 0 };
  const historyDays = (span.to - span.from) / DAY_MS;
  const upperBoundFactor = 1 + 1 / historyDays;
  const margin = 1 + VPA.safetyMargin;
  const cpuAt = (millis: number, factor = 1) => Math.max(VPA.cpuFloorMillis, Math.ceil(millis * margin * factor));
  const memAt = (bytes: number, factor = 1) => ceilMiB(Math.max(VPA.memoryFloorBytes, bytes * margin * factor));

  const oom = input.oomUsageBytes === null ? null : { usageBytes: input.oomUsageBytes, floorBytes: oomFloor(input.oomUsageBytes) };
  const target = { cpuMillis: cpuAt(cpuEstimateMillis.p90), memoryBytes: Math.max(memAt(memoryEstimateBytes.p90), oom ? ceilMiB(oom.floorBytes) : 0) };
  const lowerBound = { cpuMillis: cpuAt(cpuEstimateMillis.p50), memoryBytes: Math.min(memAt(memoryEstimateBytes.p50), target.memoryBytes) };
  const upperBound = {
    cpuMillis: cpuAt(cpuEstimateMillis.p95, upperBoundFactor),
    memoryBytes: Math.max(memAt(memoryEstimateBytes.p95, upperBoundFactor), target.memoryBytes),
  };
  const basis: VpaBasis = {
    strategy: "vpa",
    ...historyBasis(span),
    halfLifeHours: VPA.halfLifeMs / HOUR_MS,
    cpuPercentiles: { ...VPA.cpu },
    cpuEstimateMillis: { p50: round3(cpuEstimateMillis.p50), p90: round3(cpuEstimateMillis.p90), p95: round3(cpuEstimateMillis.p95) },
    memoryPeaks: peaks.map(({ from, to, peakBytes }) => ({ from, to, peakBytes })),
    memoryEstimateBytes: { p50: Math.round(memoryEstimateBytes.p50), p90: Math.round(memoryEstimateBytes.p90), p95: Math.round(memoryEstimateBytes.p95) },
    safetyMargin: VPA.safetyMargin,
    historyDays: round3(historyDays),
    upperBoundFactor: round3(upperBoundFactor),
    floors: { cpuMillis: VPA.cpuFloorMillis, memoryBytes: VPA.memoryFloorBytes },
    oom,
    target,
    lowerBound,
    upperBound,
  };
  return { ok: true, cpuRequestMillis: target.cpuMillis, memoryRequestBytes: target.memoryBytes, memoryLimitBytes: target.memoryBytes, basis };
}

export function oomFloor(usageBytes: number): number {
  return Math.max(VPA.oomBumpRatio * usageBytes, usageBytes + VPA.oomMinBumpBytes);
}
