import { budgetShare, errorBudget, MINUTE_MS, type EventCounts } from "./slo.ts";

// Which changes spent the error budget. Every burning interval (minutes failing faster than the budget
// allows, gaps under IMPACT_GAP_MS bridged) is charged to the changes that landed in its onset window:
// from ONSET_LOOKBACK_MS before it began to ONSET_GRACE_MS after. A change made later (the rollback that
// ended it) did not start it and is not charged. Intervals with no such change are charged to nobody and
// shown as such, so the figures always add up to the budget spent.

export const ONSET_LOOKBACK_MS = 30 * MINUTE_MS;
const ONSET_GRACE_MS = 2 * MINUTE_MS;
const IMPACT_GAP_MS = 5 * MINUTE_MS;

export type BadMinute = EventCounts & { ts: number };
export type ChargeableChange = { id: string; observedAt: number; summary: string; kind: string; revision: string | null };
export type BurnInterval = { from: number; to: number; bad: number };
export type BudgetCharge = {
  change: ChargeableChange | null;
  /** Share of the window's whole budget (1 = all of it) these intervals spent. */
  spent: number;
  bad: number;
  intervals: BurnInterval[];
};

// Minutes burning faster than 1× (error ratio above the budget), merged into intervals.
export function burnIntervals(minutes: readonly BadMinute[], target: number): BurnInterval[] {
  const budget = errorBudget(target);
  const burning = minutes.filter((m) => m.total > 0 && (m.total - m.good) / m.total > budget).sort((a, b) => a.ts - b.ts);
  const out: BurnInterval[] = [];
  for (const m of burning) {
    const last = out.at(-1);
    const bad = m.total - m.good;
    if (last && m.ts - last.to <= IMPACT_GAP_MS) {
      last.to = m.ts + MINUTE_MS;
      last.bad += bad;
    } else out.push({ from: m.ts, to: m.ts + MINUTE_MS, bad });
  }
  return out;
}

// spent = bad events ÷ the window's allowed bad events (allowedBadEvents in slo.ts): the denominator of the
// budget remaining, so a charge of 38% is 38 points of the budget bar.
export function attributeBudget(minutes: readonly BadMinute[], changes: readonly ChargeableChange[], target: number, allowed: number): BudgetCharge[] {
  if (allowed <= 0) return [];
  const charges = new Map<string, BudgetCharge>();
  const charge = (change: ChargeableChange | null, interval: BurnInterval, share: number) => {
    const key = change?.id ?? "";
    const c = charges.get(key) ?? { change, spent: 0, bad: 0, intervals: [] };
    c.bad += interval.bad * share;
    c.spent = budgetShare(c.bad, allowed);
    c.intervals.push(interval);
    charges.set(key, c);
  };
  for (const interval of burnIntervals(minutes, target)) {
    const onset = changes.filter((c) => c.observedAt >= interval.from - ONSET_LOOKBACK_MS && c.observedAt <= interval.from + ONSET_GRACE_MS);
    // Several changes at one onset share it equally: Uptrust cannot tell which of them did it.
    if (onset.length === 0) charge(null, interval, 1);
    for (const c of onset) charge(c, interval, 1 / onset.length);
  }
  return [...charges.values()].sort((a, b) => b.spent - a.spent);
}

// "rollout 7 of checkout spent 38% of this window's budget": names the change, never who made it.
export function describeCharge(c: BudgetCharge, workload: string): string {
  const pct = `${Math.round(c.spent * 1000) / 10}%`;
  if (!c.change) return `Burning not linked to any change spent ${pct} of this window's budget.`;
  const what = c.change.kind === "template" ? (c.change.revision ? `rollout ${c.change.revision} of ${workload}` : `a rollout of ${workload}`) : `a ${c.change.kind === "configmap" ? "ConfigMap" : c.change.kind === "secret" ? "Secret" : c.change.kind} change of ${workload}`;
  return `${what} (${c.change.summary}) spent ${pct} of this window's budget.`;
}
