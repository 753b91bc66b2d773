import type { TimedCounts, WindowBurn } from "./burn-rate.ts";
import { burnRate, MINUTE_MS } from "./slo.ts";

// The SLO's burn on any window ending at any minute, read as the evaluator reads it at that minute
// (evaluateBurnAlerts in evaluate-slos): the window's minutes since the SLO window's start, its coverage
// counted from the first measured minute. Prefix sums make every window O(1), so a 30-day window can be
// replayed minute by minute.

export type BurnReplayInput = {
  target: number;
  /** Per-minute counts, stamped with the start of their minute, in any order. */
  samples: readonly TimedCounts[];
  /** Where the SLO window ending at `t` starts (a rolling window slides, a calendar one stays). */
  windowStartAt: (t: number) => number;
};

export type BurnReplay = { first: number | null; windowAt: (t: number, windowMs: number) => WindowBurn };

export function burnReplay({ target, samples, windowStartAt }: BurnReplayInput, to: number): BurnReplay {
  if (samples.length === 0) return { first: null, windowAt: (_t, windowMs) => ({ windowMs, coveredMs: 0, burn: 0, events: 0 }) };
  const base = Math.floor(samples.reduce((m, s) => Math.min(m, s.ts), Infinity) / MINUTE_MS) * MINUTE_MS;
  const n = Math.max(0, Math.ceil((to - base) / MINUTE_MS));
  const good = new Float64Array(n + 1);
  const total = new Float64Array(n + 1);
  const byMinute = new Map<number, TimedCounts>();
  for (const s of samples) byMinute.set(Math.floor((s.ts - base) / MINUTE_MS), s);
  for (let i = 0; i < n; i++) {
    const s = byMinute.get(i);
    good[i + 1] = good[i] + (s?.good ?? 0);
    total[i + 1] = total[i] + (s?.total ?? 0);
  }
  const idx = (t: number) => Math.min(n, Math.max(0, Math.floor((t - base) / MINUTE_MS)));
  // Every rule asks at the same minute in turn: the window's start is worked out once per minute.
  let [lastT, lastStart] = [Number.NaN, 0];
  return {
    first: base,
    windowAt: (t, windowMs) => {
      if (t !== lastT) [lastT, lastStart] = [t, windowStartAt(t)];
      const windowStart = lastStart;
      const end = idx(t);
      const start = Math.max(idx(t - windowMs), idx(windowStart));
      const counts = { good: good[end] - good[start], total: total[end] - total[start] };
      const measuredSince = Math.max(base, windowStart);
      return { windowMs, coveredMs: Math.min(windowMs, Math.max(0, t - measuredSince)), burn: burnRate(counts, target), events: counts.total };
    },
  };
}

/** One rule's two windows at one instant: the burn of each, null where the window measured no event. */
export type RuleBurnPoint = { ts: number; long: number | null; short: number | null };

// Five-minute steps while the span fits a day (the 5-minute window is then read at every step), hourly beyond.
export const burnChartStepMs = (spanMs: number): number => (spanMs <= 24 * 60 * MINUTE_MS ? 5 * MINUTE_MS : 60 * MINUTE_MS);

// A rule's long and short window burns at every step end in (from, to], for its chart beside its rate.
export function ruleBurnSeries(replay: BurnReplay, rule: { longWindowMs: number; shortWindowMs: number }, from: number, to: number, stepMs: number): RuleBurnPoint[] {
  const points: RuleBurnPoint[] = [];
  const burnOf = (w: WindowBurn) => (w.events > 0 ? w.burn : null);
  for (let t = Math.floor(from / stepMs) * stepMs + stepMs; t <= to; t += stepMs) {
    points.push({ ts: t, long: burnOf(replay.windowAt(t, rule.longWindowMs)), short: burnOf(replay.windowAt(t, rule.shortWindowMs)) });
  }
  if (points.at(-1)?.ts !== to) points.push({ ts: to, long: burnOf(replay.windowAt(to, rule.longWindowMs)), short: burnOf(replay.windowAt(to, rule.shortWindowMs)) });
  return points;
}
