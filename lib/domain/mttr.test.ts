import { describe, expect, it } from "vitest";
import { isoWeekStart, mttrByWeek } from "./mttr.ts";

const MIN = 60_000;

describe("MTTR per ISO week (first signal → resolved)", () => {
  it("weeks start on Monday 00:00 UTC", () => {
    expect(new Date(isoWeekStart(Date.UTC(2026, 10, 25, 15, 30))).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(new Date(isoWeekStart(Date.UTC(2026, 10, 23, 0, 0))).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(new Date(isoWeekStart(Date.UTC(2026, 10, 22, 23, 59))).toISOString()).toBe("2026-11-16T00:00:00.000Z");
  });

  it("one long outage drags the mean but not the median", () => {
    const start = Date.UTC(2026, 10, 24, 9, 0);
    const durations = [2, 2, 2, 2, 20 * 60];
    const [week] = mttrByWeek(durations.map((d, i) => ({ startedAt: start + i * 60 * MIN, resolvedAt: start + i * 60 * MIN + d * MIN })));
    expect(week.incidents).toBe(5);
    expect(week.p50Seconds).toBe(120);
    expect(week.p90Seconds).toBe(1200 * 60);
    expect(week.meanSeconds).toBeCloseTo(((2 * 4 + 1200) * 60) / 5, 6);
  });

  it("an incident belongs to the week it started in", () => {
    const sunday = Date.UTC(2026, 10, 29, 23, 50);
    const weeks = mttrByWeek([{ startedAt: sunday, resolvedAt: sunday + 20 * MIN }]);
    expect(new Date(weeks[0].weekStart).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });
});
