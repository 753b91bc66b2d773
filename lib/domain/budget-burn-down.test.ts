import { describe, expect, it } from "vitest";
import { budgetBurnDown, burnDownEdges, burnDownSpan, type BurnDownStep } from "./budget-burn-down.ts";
import { budgetRemaining, DAY_MS, HOUR_MS, sloWindow } from "./slo.ts";

const at = Date.UTC(2026, 10, 25, 12, 30);

// Steps of 1,000 events each, `bad` of them failed, cut where the burn-down cuts.
function steps(edges: number[], bad: (from: number) => number): BurnDownStep[] {
  return edges.slice(0, -1).map((from) => ({ from, good: 1000 - bad(from), total: 1000 }));
}

describe("error-budget burn-down", () => {
  it("ends at the budget the card shows left: the window's bad events over its projected budget", () => {
    const window = sloWindow(at, 30, null);
    const measuredSince = at - 10 * HOUR_MS;
    const span = burnDownSpan(window, measuredSince);
    const edges = burnDownEdges(span, window.start);
    const data = steps(edges, (from) => (from === at - 3 * HOUR_MS ? 40 : 0));
    const points = budgetBurnDown(data, { target: 0.999, window, measuredSince });
    const totals = { good: data.reduce((n, s) => n + s.good, 0), total: data.reduce((n, s) => n + s.total, 0) };
    expect(points.at(-1)!.ts).toBe(at);
    expect(points.at(-1)!.remaining).toBe(budgetRemaining(totals, 0.999, at - measuredSince, window.lengthMs));
  });

  it("starts at 100 % and drops in the hour the budget was spent", () => {
    const window = sloWindow(at, 30, null);
    const measuredSince = at - 10 * HOUR_MS;
    const edges = burnDownEdges(burnDownSpan(window, measuredSince), window.start);
    const points = budgetBurnDown(steps(edges, (from) => (from === Date.UTC(2026, 10, 25, 9) ? 50 : 0)), { target: 0.999, window, measuredSince });
    expect(points[0]).toMatchObject({ ts: Date.UTC(2026, 10, 25, 2), remaining: 1 });
    const before = points.find((p) => p.ts === Date.UTC(2026, 10, 25, 9))!;
    const after = points.find((p) => p.ts === Date.UTC(2026, 10, 25, 10))!;
    expect(before.remaining).toBe(1);
    // 50 bad of the 8,000 events of the 7.5 h measured by 10:00: 50 ÷ (0.1 % × the events 30 days at that pace project).
    expect(after.remaining!).toBeCloseTo(1 - 50 / (0.001 * 8000 * ((30 * DAY_MS) / (7.5 * HOUR_MS))), 9);
  });

  it("follows the ideal line of even spend when the budget burns at exactly 1×", () => {
    const window = sloWindow(at, 30, null);
    const measuredSince = window.start;
    const edges = burnDownEdges(burnDownSpan(window, measuredSince), window.start);
    // 1 bad event in 1,000 is a 1× burn of a 99.9 % objective.
    const points = budgetBurnDown(steps(edges, () => 1), { target: 0.999, window, measuredSince });
    expect(points.length).toBeGreaterThanOrEqual(30);
    for (const p of points.slice(1)) expect(p.remaining!).toBeCloseTo(p.ideal, 2);
    expect(points.at(-1)!.ideal).toBeCloseTo(0, 9);
  });

  it("charts a calendar month day by day and carries the ideal line on to the month's end", () => {
    const window = sloWindow(at, 30, "month");
    const points = budgetBurnDown([], { target: 0.999, window, measuredSince: window.start });
    expect(points[0]).toMatchObject({ ts: Date.UTC(2026, 10, 1), remaining: 1, ideal: 1 });
    expect(points.filter((p) => p.remaining !== null).at(-1)!.ts).toBe(at);
    expect(points.at(-1)).toEqual({ ts: Date.UTC(2026, 11, 1), remaining: null, ideal: 0 });
    expect(points[1].ts - points[0].ts).toBe(DAY_MS);
  });
});
