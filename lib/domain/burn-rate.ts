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

// Burn over a window the history does not yet cover counts the uncovered part as good: burn × covered ÷
// window. A new SLO's first bad minute is then a 1-minute burn diluted over the hour it claims to speak
// for, not a full hour of it, so a rule can only fire on the budget share it guards.
export function coveredBurn(counts: EventCounts, target: number, windowMs: number, coveredMs: number): number {
  return burnRate(counts, target) * Math.min(1, Math.max(0, coveredMs) / windowMs);
}

export type RuleEvaluation = BurnRateRule & {
  longBurn: number;
  shortBurn: number;
  longEvents: number;
  shortEvents: number;
  firing: boolean;
  skipped?: "too-few-events";
};

export type BurnAlert = { alert: AlertSeverity | null; firing: RuleEvaluation | null; rules: RuleEvaluation[] };

// A rule fires when both windows burn at or above its rate (windows longer than the history diluted, see
// coveredBurn). Low-traffic guard (sloth#666, pyrra#1925):
// a long window with fewer than `minEvents` events, or an empty short window, never fires, so one bad
// minute of a mostly idle workload cannot page anyone.
export function evaluateBurnAlerts(samples: readonly TimedCounts[], now: number, target: number, minEvents = 10, periodMs = 30 * DAY_MS): BurnAlert {
  const historyStart = samples.reduce((min, s) => Math.min(min, s.ts), now);
  const rules = burnRateRules(periodMs).map((rule): RuleEvaluation => {
    const long = countsInWindow(samples, now, rule.longWindowMs);
    const short = countsInWindow(samples, now, rule.shortWindowMs);
    const longBurn = coveredBurn(long, target, rule.longWindowMs, now - historyStart);
    const shortBurn = coveredBurn(short, target, rule.shortWindowMs, now - historyStart);
    const enough = long.total >= minEvents && short.total > 0;
    const firing = enough && longBurn >= rule.burnRate && shortBurn >= rule.burnRate;
    return {
      ...rule,
      longBurn,
      shortBurn,
      longEvents: long.total,
      shortEvents: short.total,
      firing,
      ...(enough ? {} : { skipped: "too-few-events" as const }),
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
  indicator?: "availability" | "success" | "latency";
};

const WORDS = {
  availability: { data: "availability data", bad: "unavailable minute" },
  success: { data: "request data", bad: "failed request" },
  latency: { data: "request timings", bad: "slow request" },
} as const;

function windowPhrase(ms: number): string {
  if (ms === HOUR_MS) return "";
  if (ms < DAY_MS) return ` over the last ${Math.round(ms / HOUR_MS)} hours`;
  return ms === DAY_MS ? " over the last day" : ` over the last ${Math.round(ms / DAY_MS)} days`;
}

// One sentence a user can act on. It speaks of the service and its budget, never of a person.
export function explainBurn(input: BurnExplanationInput): string {
  const { service, target, windowMs, burn, budgetRemaining, totalEvents, burnWindowMs = HOUR_MS } = input;
  const words = WORDS[input.indicator ?? "availability"];
  const days = `${Math.round(windowMs / DAY_MS)}-day`;
  if (totalEvents <= 0) return `${service} has no ${words.data} in its ${days} window yet.`;
  if (budgetRemaining <= 0) {
    return `${service} has spent its entire ${days} error budget; every further ${words.bad} breaks its ${formatTarget(target)} objective.`;
  }
  if (burn > 1) {
    const left = timeToExhaustionMs(budgetRemaining, burn, windowMs) ?? 0;
    return `${service} is burning its ${days} error budget ${round1(burn)}× faster than sustainable${windowPhrase(burnWindowMs)}; at this rate it is exhausted in ${formatDuration(left)}.`;
  }
  if (burn > 0) {
    return `${service} is spending its ${days} error budget at a sustainable ${round1(burn)}× pace; ${percent(budgetRemaining)} of it remains.`;
  }
  return `${service} is within its ${days} error budget: ${percent(budgetRemaining)} remains and none was spent${windowPhrase(burnWindowMs) || " in the last hour"}.`;
}

function formatTarget(target: number): string {
  return `${Math.round(target * 100_000) / 1000}%`;
}
