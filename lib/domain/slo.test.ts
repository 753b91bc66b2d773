import { describe, expect, it } from "vitest";
import { budgetRemaining, burnRate, DAY_MS, errorBudget, HOUR_MS, sli, sloWindow, timeToExhaustionMs } from "./slo.ts";

describe("error budget", () => {
  it("a 99.9% objective allows 0.1% of minutes to be bad", () => {
    expect(errorBudget(0.999)).toBeCloseTo(0.001, 10);
  });

  it("refuses a 100% objective, which leaves no budget to spend", () => {
    expect(() => errorBudget(1)).toThrow(RangeError);
  });

  it("an idle service with no measured minutes is not shown as broken", () => {
    expect(sli({ good: 0, total: 0 })).toBe(1);
    expect(burnRate({ good: 0, total: 0 }, 0.999)).toBe(0);
  });
});

describe("burn rate", () => {
  it("spending exactly the budget is a 1× burn", () => {
    expect(burnRate({ good: 999, total: 1000 }, 0.999)).toBeCloseTo(1, 6);
  });

  it("20 bad minutes out of 60 against 99.9% burns 333× too fast", () => {
    expect(burnRate({ good: 40, total: 60 }, 0.999)).toBeCloseTo(333.3, 1);
  });
});

describe("time to exhaustion", () => {
  it("a 14.4× burn exhausts a 30-day budget in 50 hours", () => {
    expect(timeToExhaustionMs(1, 14.4, 30 * DAY_MS)! / HOUR_MS).toBeCloseTo(50, 6);
  });

  it("half a budget at 6× lasts 2.5 days", () => {
    expect(timeToExhaustionMs(0.5, 6, 30 * DAY_MS)! / DAY_MS).toBeCloseTo(2.5, 6);
  });

  it("nothing burning means no exhaustion date", () => {
    expect(timeToExhaustionMs(0.8, 0, 30 * DAY_MS)).toBeNull();
  });
});

describe("budget remaining", () => {
  it("20 bad minutes spend 46% of a 30-day 99.9% budget (43.2 minutes), even on a new SLO", () => {
    const fourHours = 4 * HOUR_MS;
    const remaining = budgetRemaining({ good: 220, total: 240 }, 0.999, fourHours, 30 * DAY_MS);
    expect(remaining).toBeCloseTo(1 - 20 / 43.2, 6);
  });

  it("a full window with 0.2% bad minutes has overspent its budget twice over", () => {
    const window = 30 * DAY_MS;
    expect(budgetRemaining({ good: 43114, total: 43200 }, 0.999, window, window)).toBeCloseTo(1 - 86 / 43.2, 6);
  });

  it("no data leaves the whole budget", () => {
    expect(budgetRemaining({ good: 0, total: 0 }, 0.999, 0, 30 * DAY_MS)).toBe(1);
  });
});

describe("SLO windows", () => {
  const at = Date.UTC(2026, 11, 2, 15, 30); // a Wednesday
  it("a rolling 30-day window ends now", () => {
    expect(sloWindow(at, 30, null)).toEqual({ start: at - 30 * DAY_MS, end: at, lengthMs: 30 * DAY_MS });
  });
  it("a calendar month starts on the 1st and its budget spans all 31 days of December", () => {
    expect(sloWindow(at, 30, "month")).toEqual({ start: Date.UTC(2026, 11, 1), end: at, lengthMs: 31 * DAY_MS });
  });
  it("a calendar week starts on Monday", () => {
    expect(new Date(sloWindow(at, 7, "week").start).toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });
});
