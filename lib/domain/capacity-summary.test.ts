import { describe, expect, it } from "vitest";
import { BASES, forecastExhaustion, RESOURCES } from "./capacity.ts";
import type { CapacityPoint } from "./capacity-points.ts";
import { forecastReadyAt, poolSummary, poolSummaryText, tooLittleHistory } from "./capacity-summary.ts";
import { HOUR_MS } from "./slo.ts";

const now = Date.UTC(2026, 11, 6, 12, 0);
const GIB = 1024 ** 3;

// A pool's closed hours before now, flat: requests and usage well under allocatable.
const hours = (n: number, usage = true, end = now): CapacityPoint[] =>
  Array.from({ length: n }, (_, i) => ({
    pool: "general", bucket: end - (n - i) * HOUR_MS, nodeCount: 1, podCount: 10, allocatableCpuMillis: 4000, allocatableMemoryBytes: 16 * GIB,
    requestedCpuMillis: 3000, requestedMemoryBytes: 8 * GIB, usedCpuMillis: usage ? 1000 : null, usedMemoryBytes: usage ? 4 * GIB : null, usageSlots: 12,
  }));
const forecasts = (points: CapacityPoint[]) => RESOURCES.flatMap((r) => BASES.map((b) => forecastExhaustion(points, r, b, now)));

describe("the capacity summary beside its forecasts", () => {
  it("a pool measured for 3 hours does not say 'no exhaustion in sight' while every forecast has too few points; it says when it can tell", () => {
    const made = forecasts(hours(3));
    expect(made.every((f) => f.explanation.includes("no exhaustion forecast yet, 3 hourly points"))).toBe(true);
    const summary = poolSummary(made, now);
    expect(summary).toEqual({ status: "waiting", readyAt: now + 4 * HOUR_MS });
    expect(poolSummaryText(summary)).toBe("no forecast yet: enough history by 2026-12-06 16:00 UTC");
  });

  it("the date it gives is the first hour the forecast is made", () => {
    const ready = forecastReadyAt(forecasts(hours(3))[0])!;
    // The same pool, measured on from 09:00 until the time given.
    const until = (t: number) => forecastExhaustion(hours(3 + (t - now) / HOUR_MS, true, t), "cpu", "requests", t);
    expect(tooLittleHistory(until(ready - HOUR_MS))).toBe(true);
    expect(tooLittleHistory(until(ready))).toBe(false);
    expect(until(ready).explanation).toMatch(/^CPU requests are flat or falling/);
  });

  it("says 'no exhaustion in sight' once the forecasts are made, and counts those still waiting", () => {
    expect(poolSummaryText(poolSummary(forecasts(hours(24)), now))).toBe("no exhaustion in sight");
    const noUsage = forecasts(hours(24, false));
    expect(poolSummaryText(poolSummary(noUsage, now))).toBe("no exhaustion in sight so far; 2 of 4 forecasts wait for history");
  });
});
