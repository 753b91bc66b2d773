import { describe, expect, it } from "vitest";
import { burnRateOf, toHourlyBurn } from "./hourly-burn.ts";

describe("hourly burn rate", () => {
  it("is 1× when errors use exactly the budget of a 99.9 % SLO", () => {
    expect(burnRateOf(999, 1000, 0.999)).toBeCloseTo(1, 6);
  });

  it("is 14.4× when 1.44 % of minutes fail against a 99.9 % target", () => {
    expect(burnRateOf(98.56, 100, 0.999)).toBeCloseTo(14.4, 6);
  });

  it("is zero for a fully healthy hour and 1000× for a full outage at 99.9 %", () => {
    expect(burnRateOf(60, 60, 0.999)).toBe(0);
    expect(burnRateOf(0, 60, 0.999)).toBeCloseTo(1000, 6);
  });

  it("leaves an hour without samples empty rather than calling it healthy", () => {
    expect(burnRateOf(null, null, 0.999)).toBeNull();
    expect(burnRateOf(0, 0, 0.999)).toBeNull();
  });

  it("orders hours oldest first and serialises them as ISO strings", () => {
    const series = toHourlyBurn(
      [
        { sloId: "s", hour: new Date("2026-01-01T02:00:00Z"), good: 50, total: 100 },
        { sloId: "s", hour: new Date("2026-01-01T01:00:00Z"), good: 100, total: 100 },
      ],
      0.99,
    );
    expect(series.map((p) => p.hour)).toEqual(["2026-01-01T01:00:00.000Z", "2026-01-01T02:00:00.000Z"]);
    expect(series[0].burn).toBe(0);
    expect(series[1].burn).toBeCloseTo(50, 6);
  });
});
