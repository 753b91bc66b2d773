import { describe, expect, it } from "vitest";
import {
  BURN_RATE_RULES, burnFactor, burnRateRules, countsInWindow, evaluateBurnAlerts, explainBurn, formatBurn, windowBurn, type TimedCounts,
} from "./burn-rate.ts";
import { coverageText } from "./burn-coverage.ts";
import { burnRate, DAY_MS, HOUR_MS, MINUTE_MS } from "./slo.ts";

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
    const result = evaluateBurnAlerts(samples, now, 0.999, { minEvents: 10 });
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

describe("one burn rate on every window, and how much of it the history covers", () => {
  // A new install, measured for 5 h 12 min: 10 requests a minute, one failing in each of 11 minutes.
  const history = minutes(312, (i) => i % 28 === 7, 10).map((m) => (m.good === 0 ? { ...m, good: 9 } : m));
  const since = now - 312 * MINUTE_MS;

  it("the same 11 bad minutes read the same burn on the 6 h, 1 d, 3 d and 30 d lines, and in the sentence", () => {
    const { rules } = evaluateBurnAlerts(history, now, 0.999, { measuredSince: since });
    const whole = burnRate(countsInWindow(history, now, 30 * DAY_MS), 0.999);
    expect(whole).toBeCloseTo(11 / 3120 / 0.001, 9);
    for (const w of [6 * HOUR_MS, DAY_MS, 3 * DAY_MS, 30 * DAY_MS]) expect(windowBurn(history, now, w, 0.999, since).burn).toBeCloseTo(whole, 9);
    expect(rules.slice(1).map((r) => formatBurn(r.longBurn))).toEqual(["3.53×", "3.53×", "3.53×"]);
    // Above the 1-day ticket rate, yet 5 h 12 min at 3.53× have not spent the 10 % of the budget that rule guards.
    const day = rules[2];
    expect(day).toMatchObject({ longWindowMs: DAY_MS, firing: false, skipped: "too-little-history" });
    const sentence = explainBurn({ service: "checkout", target: 0.999, windowMs: 30 * DAY_MS, burn: day.longBurn, burnWindowMs: DAY_MS,
      burnCoveredMs: day.longCoveredMs, budgetRemaining: 0.97, totalEvents: 3120 });
    expect(sentence).toContain("3.53× faster than sustainable over the last day (history covers 5 h 12 min of it)");
  });

  it("says how much of each window the history covers", () => {
    const { rules } = evaluateBurnAlerts(history, now, 0.999, { measuredSince: since });
    expect(rules.map((r) => coverageText({ windowMs: r.longWindowMs, coveredMs: r.longCoveredMs }))).toEqual([
      "covers all of 1 h", "covers 5 h 12 min of 6 h", "covers 5 h 12 min of 1 d", "covers 5 h 12 min of 3 d",
    ]);
  });

  it("a new SLO's first bad minute cannot page, however badly it fails: the history does not cover the 5-minute short window", () => {
    const first = [{ ts: now - MINUTE_MS, good: 0, total: 100 }];
    const { alert, rules } = evaluateBurnAlerts(first, now, 0.999);
    expect(alert).toBeNull();
    expect(rules[0]).toMatchObject({ longCoveredMs: MINUTE_MS, firing: false, skipped: "too-little-history" });
    expect(formatBurn(rules[0].longBurn)).toBe("1000×");
  });

  it("a partly covered hour pages once its measured minutes alone have spent the 2 % the rule guards", () => {
    // 2 % failing against 99.9 %: a 20× burn, above the 14.4× page rate from the first minute.
    const failing = (n: number) => minutes(n, () => false, 100).map((m) => ({ ...m, good: 98 }));
    const early = evaluateBurnAlerts(failing(30), now, 0.999);
    expect(early.rules[0]).toMatchObject({ firing: false, skipped: "too-little-history" });
    expect(formatBurn(early.rules[0].longBurn)).toBe("20×");
    // 20× over 44 minutes spent 880 of the 864 budget-minutes (14.4 × 60) the hour's page rule guards.
    expect(evaluateBurnAlerts(failing(44), now, 0.999).alert).toBe("page");
  });
});
