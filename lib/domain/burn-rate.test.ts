import { describe, expect, it } from "vitest";
import { BURN_RATE_RULES, burnFactor, burnRateRules, countsInWindow, evaluateBurnAlerts, explainBurn, type TimedCounts } from "./burn-rate.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./slo.ts";

const now = Date.UTC(2026, 10, 25, 12, 0);

function minutes(count: number, bad: (i: number) => boolean, total = 1): TimedCounts[] {
  // i = 0 is the most recent complete minute.
  return Array.from({ length: count }, (_, i) => ({ ts: now - (i + 1) * MINUTE_MS, good: bad(i) ? 0 : total, total }));
}

describe("multi-window multi-burn-rate table", () => {
  it("derives each burn factor from the share of a 30-day budget spent in the long window", () => {
    expect(burnFactor(0.02, 30 * DAY_MS, HOUR_MS)).toBeCloseTo(14.4, 6);
    expect(burnFactor(0.05, 30 * DAY_MS, 6 * HOUR_MS)).toBeCloseTo(6, 6);
    expect(burnFactor(0.1, 30 * DAY_MS, DAY_MS)).toBeCloseTo(3, 6);
    expect(burnFactor(0.1, 30 * DAY_MS, 3 * DAY_MS)).toBeCloseTo(1, 6);
    expect(BURN_RATE_RULES.map((r) => `${r.severity} ${r.burnRate}`)).toEqual(["page 14.4", "page 6", "ticket 3", "ticket 1"]);
  });

  it("pages when the last hour and the last 5 minutes both burn faster than 14.4×", () => {
    const samples = minutes(3 * 24 * 60, (i) => i < 10);
    const result = evaluateBurnAlerts(samples, now, 0.999);
    expect(result.alert).toBe("page");
    expect(result.firing?.burnRate).toBe(14.4);
  });

  it("does not page for an outage that ended: the short window shows the burn has stopped", () => {
    const samples = minutes(3 * 24 * 60, (i) => i >= 30 && i < 50);
    const result = evaluateBurnAlerts(samples, now, 0.999);
    expect(result.rules[0].firing).toBe(false);
    expect(result.rules[0].longBurn).toBeGreaterThan(14.4);
    expect(result.alert).toBe("ticket");
  });

  it("opens a ticket, not a page, for a slow steady burn", () => {
    const samples = minutes(3 * 24 * 60, (i) => i % 250 === 100);
    expect(evaluateBurnAlerts(samples, now, 0.999).alert).toBe("ticket");
  });

  it("never alerts on a workload with too few measured minutes (low-traffic guard)", () => {
    const samples = minutes(3, () => true);
    const result = evaluateBurnAlerts(samples, now, 0.999, 10);
    expect(result.alert).toBeNull();
    expect(result.rules[0].skipped).toBe("too-few-events");
  });

  it("counts only samples inside the window ending now", () => {
    const samples = minutes(120, () => false);
    expect(countsInWindow(samples, now, HOUR_MS).total).toBe(60);
  });
});

describe("burn explanation", () => {
  const base = { service: "checkout", target: 0.999, windowMs: 30 * DAY_MS, totalEvents: 1000 };

  it("says how fast the budget burns and when it runs out", () => {
    expect(explainBurn({ ...base, burn: 12, budgetRemaining: 1 })).toBe(
      "checkout is burning its 30-day error budget 12× faster than sustainable; at this rate it is exhausted in 2.5 days.",
    );
  });

  it("names the window when a slower, longer-window alert is the reason", () => {
    expect(explainBurn({ ...base, burn: 6, budgetRemaining: 1, burnWindowMs: 6 * HOUR_MS })).toBe(
      "checkout is burning its 30-day error budget 6× faster than sustainable over the last 6 hours; at this rate it is exhausted in 5 days.",
    );
  });

  it("reports an exhausted budget without blaming anyone", () => {
    const text = explainBurn({ ...base, burn: 3, budgetRemaining: -0.2 });
    expect(text).toContain("has spent its entire 30-day error budget");
    expect(text).toContain("99.9%");
  });

  it("reassures when nothing is burning", () => {
    expect(explainBurn({ ...base, burn: 0, budgetRemaining: 0.54 })).toBe(
      "checkout is within its 30-day error budget: 54% remains and none was spent in the last hour.",
    );
  });

  it("says when there is no data yet", () => {
    expect(explainBurn({ ...base, totalEvents: 0, burn: 0, budgetRemaining: 1 })).toContain("no availability data");
  });
});

describe("burn-rate table for other windows", () => {
  it("a 7-day SLO pages at 3.36× over an hour: spending 2% of a week's budget in one hour", () => {
    expect(burnRateRules(7 * DAY_MS).map((r) => r.burnRate)).toEqual([3.36, 1.4, 0.7, 0.23]);
  });
});
