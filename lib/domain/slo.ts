// Error-budget arithmetic for Uptrust's SLOs (Google SRE Workbook ch. 5). Ratios are fractions (0.999),
// durations are milliseconds; nothing here reads a clock.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export type EventCounts = { good: number; total: number };

// Error budget = 1 − target: the share of events allowed to be bad (99.9 % → 0.1 %).
export function errorBudget(target: number): number {
  if (!(target > 0 && target < 1)) throw new RangeError(`SLO target must be between 0 and 1 (exclusive), got ${target}`);
  return 1 - target;
}

// Error ratio = bad ÷ total; no events means nothing went wrong yet, not an outage.
export function errorRatio({ good, total }: EventCounts): number {
  if (total <= 0) return 0;
  return Math.max(0, total - good) / total;
}

// Burn rate = error ratio ÷ (1 − target): 1× spends exactly the budget over the SLO window.
export function burnRate(counts: EventCounts, target: number): number {
  return errorRatio(counts) / errorBudget(target);
}

// SLI = good ÷ total (1 when nothing was measured, so an idle service does not look broken).
export function sli({ good, total }: EventCounts): number {
  return total > 0 ? good / total : 1;
}

// Allowed bad events of a window = budget × events expected over the whole window. Until the window has
// filled, Uptrust extrapolates the expected events from the span observed so far: otherwise a new SLO
// would look exhausted after one bad minute. Every share of the budget (spent, remaining, charged to a
// change, burned by an incident) is bad events ÷ this one number, so the shares add up.
export function allowedBadEvents(counts: EventCounts, target: number, observedSpanMs: number, windowMs: number): number {
  if (counts.total <= 0) return 0;
  const span = Math.min(Math.max(observedSpanMs, 1), windowMs);
  return errorBudget(target) * counts.total * (windowMs / span);
}

// Budget share = bad events ÷ allowed bad events of the window (1 = the whole budget); none allowed, none spent.
export function budgetShare(badEvents: number, allowed: number): number {
  return allowed > 0 ? Math.max(0, badEvents) / allowed : 0;
}

// Budget remaining = 1 − the share the window's bad events spent. Negative means overspent.
export function budgetRemaining(counts: EventCounts, target: number, observedSpanMs: number, windowMs: number): number {
  return 1 - budgetShare(counts.total - counts.good, allowedBadEvents(counts, target, observedSpanMs, windowMs));
}

// Time to exhaustion = remaining fraction × window ÷ burn rate: at 1× the full budget lasts one window,
// so a 14.4× burn empties a full 30-day budget in 30 d ÷ 14.4 = 50 h. Null when nothing is burning.
export function timeToExhaustionMs(remaining: number, burn: number, windowMs: number): number | null {
  if (burn <= 0) return null;
  if (remaining <= 0) return 0;
  return (remaining * windowMs) / burn;
}

export type SloCalendar = "month" | "week";
export type SloWindow = { start: number; end: number; lengthMs: number };

// Rolling windows end now and span their days; calendar windows (OpenSLO `isRolling: false`) run from the
// start of the current UTC month or ISO week to its end, and their budget resets at each boundary.
export function sloWindow(at: number, windowDays: number, calendar: SloCalendar | null): SloWindow {
  if (!calendar) return { start: at - windowDays * DAY_MS, end: at, lengthMs: windowDays * DAY_MS };
  const d = new Date(at);
  if (calendar === "month") {
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    return { start, end: at, lengthMs: next - start };
  }
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const start = midnight - ((d.getUTCDay() + 6) % 7) * DAY_MS;
  return { start, end: at, lengthMs: 7 * DAY_MS };
}
