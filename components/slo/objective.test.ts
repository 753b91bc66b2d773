import { describe, expect, it } from "vitest";
import { objectiveText } from "./objective.ts";

const latency = { indicator: "latency", target: 0.99, windowDays: 30, thresholdMs: 300, calendar: null };

describe("an SLO's objective in words", () => {
  it("says how the minutes count: judged good or bad, or as the mean of their ratios", () => {
    expect(objectiveText({ ...latency, budgeting: "occurrences" })).not.toMatch(/minute/);
    expect(objectiveText({ ...latency, budgeting: "timeslices" })).toMatch(/, judged minute by minute$/);
    expect(objectiveText({ ...latency, budgeting: "ratio-timeslices" })).toMatch(/^99(\.0)? ?% of requests answered within 300 ms, over a rolling 30 days, as the mean of each minute's ratio$/);
  });
});
