import { LATENCY_BOUNDS_MS } from "./access-log.ts";
import type { MinuteSample } from "./availability-sli.ts";

export type RequestIndicator = "success" | "latency";
export type RequestSliMinute = { ts: number; total: number; errors: number; timed: number; withinThreshold: number };

// Which stored latency bucket answers a threshold (1-based, as SQL arrays are); a threshold between
// bounds cannot be answered exactly, so an SLO must use one of them.
export function latencyBound(thresholdMs: number): number | null {
  const i = LATENCY_BOUNDS_MS.indexOf(thresholdMs as (typeof LATENCY_BOUNDS_MS)[number]);
  return i < 0 ? null : i + 1;
}

// Occurrences: every request is an event. Success counts the requests answered without a 5xx; latency
// counts, among requests whose time the log states, those at or under the threshold.
export function requestSamples(minutes: readonly RequestSliMinute[], indicator: RequestIndicator): MinuteSample[] {
  return minutes
    .map((m) => (indicator === "success" ? { ts: m.ts, good: m.total - m.errors, total: m.total } : { ts: m.ts, good: m.withinThreshold, total: m.timed }))
    .filter((s) => s.total > 0);
}

// Timeslices (OpenSLO): each minute with events is one event, good when its own ratio meets the
// timeslice target, so a burst of failures in one busy minute weighs as much as one quiet bad minute.
export function asTimeslices(samples: readonly MinuteSample[], timesliceTarget: number): MinuteSample[] {
  return samples.filter((s) => s.total > 0).map((s) => ({ ts: s.ts, good: s.good / s.total >= timesliceTarget ? 1 : 0, total: 1 }));
}

// RatioTimeslices (OpenSLO): SLI = mean over slices of (good ÷ total in the slice). Each minute with events
// is one event that is good in the share of its own ratio, so sums over any window (good ÷ total) are
// exactly that mean: a minute at 90 % costs 0.1 of a slice, where Timeslices would count it wholly bad
// or wholly good and Occurrences would weigh it by its traffic.
export function asRatioTimeslices(samples: readonly MinuteSample[]): MinuteSample[] {
  return samples.filter((s) => s.total > 0).map((s) => ({ ts: s.ts, good: Math.min(1, Math.max(0, s.good / s.total)), total: 1 }));
}

// A stored SLO's minutes as its budgeting method counts them: Occurrences as measured, Timeslices good
// or bad against the slice target (the SLO's target when none is set), RatioTimeslices by their ratio.
export function asBudgeted(samples: readonly MinuteSample[], budgeting: string, timesliceTarget: number | null, target: number): MinuteSample[] {
  if (budgeting === "ratio-timeslices") return asRatioTimeslices(samples);
  if (budgeting === "timeslices") return asTimeslices(samples, timesliceTarget ?? target);
  return [...samples];
}
