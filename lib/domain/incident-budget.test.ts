import { describe, expect, it } from "vitest";
import { attributeBudget } from "./budget-attribution.ts";
import { incidentBudget, incidentBudgetEdges, type BudgetSlo, type WindowSegment } from "./incident-budget.ts";
import { budgetSpentFraction } from "./postmortem.ts";
import { budgetRemaining, MINUTE_MS } from "./slo.ts";

// A new install: checkout measured for 4 hours, one event a minute, 20 bad minutes from 10:01 to 10:21.
const t0 = Date.UTC(2026, 10, 25, 8, 0);
const asOf = t0 + 240 * MINUTE_MS;
const minutes = Array.from({ length: 240 }, (_, i) => ({ ts: t0 + i * MINUTE_MS, good: i >= 121 && i < 141 ? 0 : 1, total: 1 }));
const slo: BudgetSlo = { name: "availability", target: 0.999, windowDays: 30, calendar: null };

// The window's minutes summed between the edges, as the evaluator's segments are.
function segmentsFor(incident: { start: number; end: number }): WindowSegment[] {
  const edges = incidentBudgetEdges(slo, asOf, incident);
  return edges.slice(0, -1).map((from, k) => {
    const inside = minutes.filter((m) => m.ts >= from && m.ts < edges[k + 1]);
    return { from, good: inside.reduce((n, m) => n + m.good, 0), total: inside.reduce((n, m) => n + m.total, 0), firstTs: inside[0]?.ts ?? null };
  });
}
const share = (fromMinute: number, toMinute: number) => {
  const incident = { start: t0 + fromMinute * MINUTE_MS, end: t0 + toMinute * MINUTE_MS };
  return budgetSpentFraction(incidentBudget(slo, asOf, segmentsFor(incident), incident))!;
};
const spentOnSloPage = 1 - budgetRemaining({ good: 220, total: 240 }, 0.999, 240 * MINUTE_MS, 30 * 24 * 60 * MINUTE_MS);

describe("an incident's share of the error budget, beside the SLO page's", () => {
  it("20 bad minutes of a 4-hour-old SLO spent 46.3 % of the 30-day budget, as the SLO page says, not 8,333 % (a burn rate)", () => {
    expect(share(120, 145)).toBeCloseTo(20 / 43.2, 9);
    expect(share(120, 145)).toBeCloseTo(spentOnSloPage, 9);
  });

  it("two incidents splitting the bad minutes add up to what the window spent, never more", () => {
    expect(share(120, 131) + share(131, 150)).toBeCloseTo(spentOnSloPage, 9);
    expect(share(130, 135)).toBeLessThan(spentOnSloPage);
  });

  it("agrees with the budget charged to the change that started it", () => {
    const incident = { start: t0 + 120 * MINUTE_MS, end: t0 + 145 * MINUTE_MS };
    const budget = incidentBudget(slo, asOf, segmentsFor(incident), incident);
    const rollout = { id: "r7", observedAt: t0 + 120 * MINUTE_MS, summary: "image checkout: 1.4.2 → 1.5.0", kind: "template", revision: "7" };
    const [charge] = attributeBudget(minutes.filter((m) => m.good < m.total), [rollout], 0.999, budget.allowedBadEvents);
    expect(charge.spent).toBeCloseTo(budgetSpentFraction(budget)!, 9);
  });

  it("an incident older than the window is not counted against it, and says so", () => {
    const incident = { start: t0 - 31 * 24 * 60 * MINUTE_MS, end: t0 + 130 * MINUTE_MS };
    expect(incidentBudget(slo, asOf, segmentsFor(incident), incident)).toMatchObject({ beganBeforeWindow: true, badEvents: 9 });
  });
});
