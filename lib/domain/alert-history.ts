import { burnRateRules, judgeRule, MIN_EVENTS, type AlertSeverity, type BurnRateRule } from "./burn-rate.ts";
import { burnReplay, type BurnReplayInput } from "./burn-replay.ts";
import { MINUTE_MS } from "./slo.ts";

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

export type AlertHistoryInput = BurnReplayInput & {
  periodMs: number;
  /** Replay the minutes ending in (from, to]. */
  from: number;
  to: number;
  minEvents?: number;
};

export function alertHistory(input: AlertHistoryInput): AlertSpan[] {
  const { from, to, minEvents = MIN_EVENTS } = input;
  const replay = burnReplay(input, to);
  if (replay.first === null || to <= from) return [];
  const rules = burnRateRules(input.periodMs);
  const spans: AlertSpan[] = [];
  const open = new Map<AlertSeverity, AlertSpan>();
  for (let t = Math.max(from, replay.first) + MINUTE_MS; t <= to; t += MINUTE_MS) {
    const firing = new Map<AlertSeverity, { rule: BurnRateRule; burn: number }>();
    for (const rule of rules) {
      const long = replay.windowAt(t, rule.longWindowMs);
      if (!judgeRule(rule, long, replay.windowAt(t, rule.shortWindowMs), minEvents).firing) continue;
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
