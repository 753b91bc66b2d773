import { describe, expect, it } from "vitest";
import { burnLines, coverageNote, formatSpan, ruleStateText } from "./burn-coverage.ts";
import { BURN_RATE_RULES } from "./burn-rate.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./slo.ts";

const at = Date.UTC(2026, 11, 6, 12, 0);

describe("how much of each window a new SLO's history covers", () => {
  it("a card measured for 5 h 12 min says so of its 6 h and 30 d lines, not of its full 1 h", () => {
    const lines = burnLines({ burnRate1h: 0, burnRate6h: 7.6, burnRate30d: 7.6 }, at, at - 312 * MINUTE_MS, { label: "30d", lengthMs: 30 * DAY_MS });
    expect(lines.map((l) => [l.label, l.burn])).toEqual([["1h", 0], ["6h", 7.6], ["30d", 7.6]]);
    expect(coverageNote(lines)).toBe("History covers 5 h 12 min of 6 h and 5 h 12 min of 30 d; each rate is over the minutes measured.");
  });

  it("says nothing once the history covers every window, or when the analyzer did not record it", () => {
    expect(coverageNote(burnLines({ burnRate1h: 1, burnRate6h: 1, burnRate30d: 1 }, at, at - 31 * DAY_MS, { label: "30d", lengthMs: 30 * DAY_MS }))).toBeNull();
    expect(coverageNote(burnLines({ burnRate1h: 1, burnRate6h: 1, burnRate30d: 1 }, at, null, { label: "month", lengthMs: 31 * DAY_MS }))).toBeNull();
  });

  it("names spans as the burn table does", () => {
    expect([5 * MINUTE_MS, HOUR_MS, 312 * MINUTE_MS, DAY_MS, 3 * DAY_MS + 2 * HOUR_MS].map(formatSpan)).toEqual(["5 min", "1 h", "5 h 12 min", "1 d", "3 d 2 h"]);
  });
});

describe("a rule held back by a short history says which requirement holds it", () => {
  const [page, , day] = BURN_RATE_RULES;

  it("a first bad minute: the short window is not covered yet", () => {
    const r = { ...page, longBurn: 1000, longCoveredMs: MINUTE_MS, shortCoveredMs: MINUTE_MS, firing: false, skipped: "too-little-history" };
    expect(ruleStateText(r)).toBe("burning at the rate; history covers 1 min of the 5 min short window");
  });

  it("5 h 12 min at 3.5× spent 2.5 % of the budget; the 1-day ticket needs 10 %", () => {
    const r = { ...day, longBurn: 3.5, longCoveredMs: 312 * MINUTE_MS, shortCoveredMs: 2 * HOUR_MS, firing: false, skipped: "too-little-history" };
    expect(ruleStateText(r)).toBe("burning at the rate; the 5 h 12 min measured spent 2.5 % of the budget, the rule needs 10 %");
  });
});
