import { formatSpan, windowCoverage, type Coverage } from "./burn-coverage.ts";
import { burnRate, DAY_MS, HOUR_MS, MINUTE_MS, timeToExhaustionMs, type EventCounts } from "./slo.ts";

export type AlertSeverity = "page" | "ticket";

export type BurnRateRule = {
  severity: AlertSeverity;
  budgetSpent: number;
  longWindowMs: number;
  shortWindowMs: number;
  burnRate: number;
};

export type TimedCounts = EventCounts & { ts: number };

// Burn factor = budget fraction × period ÷ long window: spending 2 % of a 30-day budget within 1 h is a
// 0.02 × 720 h ÷ 1 h = 14.4× burn.
export function burnFactor(budgetFraction: number, periodMs: number, longWindowMs: number): number {
  return (budgetFraction * periodMs) / longWindowMs;
}

const TABLE = [
  { severity: "page", budgetSpent: 0.02, longWindowMs: HOUR_MS, shortWindowMs: 5 * MINUTE_MS },
  { severity: "page", budgetSpent: 0.05, longWindowMs: 6 * HOUR_MS, shortWindowMs: 30 * MINUTE_MS },
  { severity: "ticket", budgetSpent: 0.1, longWindowMs: DAY_MS, shortWindowMs: 2 * HOUR_MS },
  { severity: "ticket", budgetSpent: 0.1, longWindowMs: 3 * DAY_MS, shortWindowMs: 6 * HOUR_MS },
] as const;

// The multi-window, multi-burn-rate table of the SRE Workbook. Both windows must exceed the rate: the long
// window proves the burn is significant, the short one that it is still happening. The rates follow from
// the budget share each rule guards, so a 7-day or calendar-month SLO gets its own (Pyrra scales them the
// same way to 28 days): 14.4, 6, 3 and 1 for 30 days.
export function burnRateRules(periodMs: number): BurnRateRule[] {
  return TABLE.map((r) => ({ ...r, burnRate: Math.round(burnFactor(r.budgetSpent, periodMs, r.longWindowMs) * 100) / 100 }));
}

export const BURN_RATE_RULES: readonly BurnRateRule[] = burnRateRules(30 * DAY_MS);

// Sums the per-minute samples that lie wholly inside [now − window, now): a sample is stamped with the
// start of its minute.
export function countsInWindow(samples: readonly TimedCounts[], now: number, windowMs: number): EventCounts {
  let good = 0;
  let total = 0;
  for (const s of samples) {
    if (s.ts >= now - windowMs && s.ts < now) {
      good += s.good;
      total += s.total;
    }
  }
  return { good, total };
}

// The one burn rate of a window: bad events ÷ the events measured in it ÷ (1 − target) (burnRate in
// slo.ts). The part of the window before the history began is not counted as good, so the same bad minutes
// read the same burn on every window they all fall in; how much of the window was measured travels beside
// it, and paging asks for coverage separately (judgeRule).
export type WindowBurn = Coverage & { burn: number; events: number };

export function windowBurn(samples: readonly TimedCounts[], now: number, windowMs: number, target: number, measuredSince: number | null): WindowBurn {
  const counts = countsInWindow(samples, now, windowMs);
  return { ...windowCoverage(windowMs, now, measuredSince), burn: burnRate(counts, target), events: counts.total };
}

export type RuleSkip = "too-few-events" | "too-little-history";

/** The events a rule's long window needs before it may fire (see judgeRule); exported rules carry the same guard. */
export const MIN_EVENTS = 10;
export type RuleVerdict = { firing: boolean; skipped?: RuleSkip };

// A rule fires when both windows burn at or above its rate and there is enough to judge by:
// - low traffic (sloth#666, pyrra#1925): a long window with fewer than `minEvents` events, or an empty short
//   window, never fires, so one bad minute of a mostly idle workload cannot page anyone;
// - coverage: the history must cover the short window (the 5 minutes that say a burn is still happening),
//   so a new SLO's first bad minutes cannot page, and its measured minutes alone must have spent the budget
//   share the rule guards (burn × covered ≥ rate × window: 2 % of a 30-day budget for the 1-hour page), so
//   a partly covered window fires on the same evidence a full one needs.
export function judgeRule(rule: BurnRateRule, long: WindowBurn, short: WindowBurn, minEvents: number): RuleVerdict {
  if (long.events < minEvents || short.events <= 0) return { firing: false, skipped: "too-few-events" };
  if (long.burn < rule.burnRate || short.burn < rule.burnRate) return { firing: false };
  const covered = short.coveredMs >= rule.shortWindowMs && long.burn * long.coveredMs >= rule.burnRate * rule.longWindowMs;
  return covered ? { firing: true } : { firing: false, skipped: "too-little-history" };
}

export type RuleEvaluation = BurnRateRule & {
  longBurn: number;
  shortBurn: number;
  longEvents: number;
  shortEvents: number;
  longCoveredMs: number;
  shortCoveredMs: number;
  firing: boolean;
  skipped?: RuleSkip;
};

export type BurnAlert = { alert: AlertSeverity | null; firing: RuleEvaluation | null; rules: RuleEvaluation[] };

export type BurnAlertOptions = {
  minEvents?: number;
  periodMs?: number;
  /** The first measured minute; the oldest sample when not given. */
  measuredSince?: number | null;
};

// Every rule of the table for the SLO's period, judged on its windows' burn rates (see judgeRule).
export function evaluateBurnAlerts(samples: readonly TimedCounts[], now: number, target: number, options: BurnAlertOptions = {}): BurnAlert {
  const { minEvents = MIN_EVENTS, periodMs = 30 * DAY_MS } = options;
  const measuredSince = options.measuredSince !== undefined ? options.measuredSince : samples.length ? samples.reduce((min, s) => Math.min(min, s.ts), now) : null;
  const rules = burnRateRules(periodMs).map((rule): RuleEvaluation => {
    const long = windowBurn(samples, now, rule.longWindowMs, target, measuredSince);
    const short = windowBurn(samples, now, rule.shortWindowMs, target, measuredSince);
    const verdict = judgeRule(rule, long, short, minEvents);
    return {
      ...rule,
      longBurn: long.burn,
      shortBurn: short.burn,
      longEvents: long.events,
      shortEvents: short.events,
      longCoveredMs: long.coveredMs,
      shortCoveredMs: short.coveredMs,
      ...verdict,
    };
  });
  // Rules are ordered most urgent first, so the first firing one decides the severity.
  const firing = rules.find((r) => r.firing) ?? null;
  return { alert: firing?.severity ?? null, firing, rules };
}

export function formatDuration(ms: number): string {
  const hours = ms / HOUR_MS;
  if (hours < 1) return `${Math.max(1, Math.round(ms / MINUTE_MS))} minutes`;
  if (hours < 48) return `${round1(hours)} hours`;
  return `${round1(ms / DAY_MS)} days`;
}

function round1(n: number): string {
  return n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

export type BurnExplanationInput = {
  service: string;
  target: number;
  windowMs: number;
  burn: number;
  budgetRemaining: number;
  totalEvents: number;
  // The window `burn` was measured over; the last hour unless an alert on a longer window fired.
  burnWindowMs?: number;
  // How much of that window the history covers (all of it when not given).
  burnCoveredMs?: number;
  indicator?: "availability" | "success" | "latency";
};

const WORDS = {
  availability: { data: "availability data", bad: "unavailable minute" },
  success: { data: "request data", bad: "failed request" },
  latency: { data: "request timings", bad: "slow request" },
} as const;

// " over the last 6 hours", and while the history is shorter " (history covers 5 h 12 min of them)": the
// rate is over the minutes measured, and the reader sees how many.
function windowPhrase(ms: number, coveredMs = ms): string {
  const partial = coveredMs < ms ? ` (history covers ${formatSpan(coveredMs)} of ${ms === HOUR_MS || ms === DAY_MS ? "it" : "them"})` : "";
  if (ms === HOUR_MS) return partial ? ` over the last hour${partial}` : "";
  if (ms < DAY_MS) return ` over the last ${Math.round(ms / HOUR_MS)} hours${partial}`;
  return `${ms === DAY_MS ? " over the last day" : ` over the last ${Math.round(ms / DAY_MS)} days`}${partial}`;
}

// Burn rates as every page and sentence prints them: "29.5×", "7.62×", "120×".
export function formatBurn(rate: number | null): string {
  if (rate === null || Number.isNaN(rate)) return "–";
  // A 100 % objective leaves no budget: any error burns it infinitely fast.
  if (!Number.isFinite(rate)) return "∞×";
  if (rate >= 100) return `${Math.round(rate)}×`;
  const fixed = rate.toFixed(rate >= 10 ? 1 : 2);
  return `${fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed}×`;
}

// One sentence a user can act on. It speaks of the service and its budget, never of a person.
export function explainBurn(input: BurnExplanationInput): string {
  const { service, target, windowMs, burn, budgetRemaining, totalEvents, burnWindowMs = HOUR_MS, burnCoveredMs } = input;
  const words = WORDS[input.indicator ?? "availability"];
  const days = `${Math.round(windowMs / DAY_MS)}-day`;
  if (totalEvents <= 0) return `${service} has no ${words.data} in its ${days} window yet.`;
  if (budgetRemaining <= 0) {
    return `${service} has spent its entire ${days} error budget; every further ${words.bad} breaks its ${formatTarget(target)} objective.`;
  }
  if (burn > 1) {
    const left = timeToExhaustionMs(budgetRemaining, burn, windowMs) ?? 0;
    return `${service} is burning its ${days} error budget ${formatBurn(burn)} faster than sustainable${windowPhrase(burnWindowMs, burnCoveredMs)}; at this rate it is exhausted in ${formatDuration(left)}.`;
  }
  if (burn > 0) {
    return `${service} is spending its ${days} error budget at a sustainable ${formatBurn(burn)} pace${windowPhrase(burnWindowMs, burnCoveredMs)}; ${percent(budgetRemaining)} of it remains.`;
  }
  return `${service} is within its ${days} error budget: ${percent(budgetRemaining)} remains and none was spent${windowPhrase(burnWindowMs, burnCoveredMs) || " in the last hour"}.`;
}

function formatTarget(target: number): string {
  return `${Math.round(target * 100_000) / 1000}%`;
}
