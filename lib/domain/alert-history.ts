import { burnRateRules, judgeRule, type AlertSeverity, type BurnRateRule, type TimedCounts, type WindowBurn } from "./burn-rate.ts";
import { burnRate, MINUTE_MS } from "./slo.ts";

// When an SLO's page and ticket alerts fired and cleared: the burn-rate table (burnRateRules, judgeRule)
// replayed at the end of every minute, each window read as the evaluator reads it at that minute
// (evaluateBurnAlerts): the minutes of the window since the SLO window's start, covered from the first
// measured minute. A page fires while any page rule fires, a ticket while any ticket rule does; the card
// shows the most urgent of the two, so at the evaluation's minute this history and the card agree.

export type AlertSpan = {
  severity: AlertSeverity;
  /** The end of the first minute it fired at. */
  from: number;
  /** The end of the first minute it no longer fired at; null while it still fires. */
  to: number | null;
  /** The fastest rule that fired during the span, and the highest long-window burn it saw. */
  rule: BurnRateRule;
  peakBurn: number;
};

export type AlertHistoryInput = {
  target: number;
  periodMs: number;
  /** Per-minute counts, stamped with the start of their minute, ascending or not. */
  samples: readonly TimedCounts[];
  /** Replay the minutes ending in (from, to]. */
  from: number;
  to: number;
  /** Where the SLO window ending at `t` starts (a rolling window slides, a calendar one stays). */
  windowStartAt: (t: number) => number;
  minEvents?: number;
};

/** Prefix sums per minute from `base`: any window's counts in O(1). */
export function minutePrefix(samples: readonly TimedCounts[], base: number, minutes: number) {
  const good = new Float64Array(minutes + 1);
  const total = new Float64Array(minutes + 1);
  const at = new Map<number, TimedCounts>();
  for (const s of samples) at.set(Math.floor((s.ts - base) / MINUTE_MS), s);
  for (let i = 0; i < minutes; i++) {
    const s = at.get(i);
    good[i + 1] = good[i] + (s?.good ?? 0);
    total[i + 1] = total[i] + (s?.total ?? 0);
  }
  return { good, total };
}

export function alertHistory(input: AlertHistoryInput): AlertSpan[] {
  const { target, samples, from, to, windowStartAt, minEvents = 10 } = input;
  if (samples.length === 0 || to <= from) return [];
  const rules = burnRateRules(input.periodMs);
  const base = Math.floor(samples.reduce((m, s) => Math.min(m, s.ts), Infinity) / MINUTE_MS) * MINUTE_MS;
  const n = Math.max(0, Math.ceil((to - base) / MINUTE_MS));
  const { good, total } = minutePrefix(samples, base, n);
  const idx = (t: number) => Math.min(n, Math.max(0, Math.round((t - base) / MINUTE_MS)));

  const spans: AlertSpan[] = [];
  const open = new Map<AlertSeverity, AlertSpan>();
  for (let t = Math.max(from, base) + MINUTE_MS; t <= to; t += MINUTE_MS) {
    const end = idx(t);
    const windowStart = windowStartAt(t);
    // The first measured minute of the SLO window ending at t: coverage starts there (windowCoverage).
    const firstIdx = Math.max(idx(windowStart), 0);
    const measuredSince = Math.max(base, windowStart);
    const windowAt = (windowMs: number): WindowBurn => {
      const start = Math.max(end - Math.round(windowMs / MINUTE_MS), firstIdx);
      const counts = { good: good[end] - good[start], total: total[end] - total[start] };
      return { windowMs, coveredMs: Math.min(windowMs, Math.max(0, t - measuredSince)), burn: burnRate(counts, target), events: counts.total };
    };
    const firing = new Map<AlertSeverity, { rule: BurnRateRule; burn: number }>();
    for (const rule of rules) {
      const long = windowAt(rule.longWindowMs);
      if (!judgeRule(rule, long, windowAt(rule.shortWindowMs), minEvents).firing) continue;
      const seen = firing.get(rule.severity);
      if (!seen) firing.set(rule.severity, { rule, burn: long.burn });
      else seen.burn = Math.max(seen.burn, long.burn);
    }
    for (const severity of ["page", "ticket"] as const) {
      const now = firing.get(severity);
      const span = open.get(severity);
      if (now && !span) {
        const started: AlertSpan = { severity, from: t, to: null, rule: now.rule, peakBurn: now.burn };
        spans.push(started);
        open.set(severity, started);
      } else if (now && span) {
        if (now.rule.burnRate > span.rule.burnRate) span.rule = now.rule;
        span.peakBurn = Math.max(span.peakBurn, now.burn);
      } else if (!now && span) {
        span.to = t;
        open.delete(severity);
      }
    }
  }
  return spans;
}

/** The alert the card shows at `t`: a page while one fires, else a ticket while one fires. */
export function alertAt(spans: readonly AlertSpan[], t: number): AlertSeverity | null {
  const on = (severity: AlertSeverity) => spans.some((s) => s.severity === severity && s.from <= t && (s.to === null || s.to > t));
  return on("page") ? "page" : on("ticket") ? "ticket" : null;
}
