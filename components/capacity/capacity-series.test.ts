import { describe, expect, it } from "vitest";
import type { CapacityForecastRow, CapacityPool } from "@/lib/views/capacity.ts";
import { capacitySeries, trendShown } from "./capacity-series.ts";

const GIB = 1024 ** 3;
const forecast = (over: Partial<CapacityForecastRow>): CapacityForecastRow => ({
  resource: "cpu", basis: "requests", status: "exhausts", points: 2, historyFrom: "2026-11-25T10:00:00.000Z", historyTo: "2026-11-25T12:00:00.000Z",
  allocatable: 8000, current: 7000, fit: null, exhaustsAt: null, earliestAt: null, latestAt: null, explanation: "", computedAt: "2026-11-25T12:00:00.000Z",
  trend: [{ t: "2026-11-25T10:00:00.000Z", fit: 6500, low: 6000, high: 7000 }, { t: "2026-11-26T12:00:00.000Z", fit: 8000, low: 7000, high: 9000 }],
  ...over,
});
const pool: CapacityPool = {
  cluster: "prod", pool: "general", nodeCount: 2,
  points: [10, 11].map((h) => ({
    bucket: `2026-11-25T${h}:00:00.000Z`, nodeCount: 2, podCount: 10, allocatableCpuMillis: 8000, allocatableMemoryBytes: 32 * GIB,
    requestedCpuMillis: 6500 + (h - 10) * 500, requestedMemoryBytes: 10 * GIB, usedCpuMillis: h === 10 ? null : 3000, usedMemoryBytes: 4 * GIB, usageSlots: 12,
  })),
  forecasts: [forecast({}), forecast({ basis: "usage", exhaustsAt: "2026-12-20T00:00:00.000Z" })],
  pointEveryHours: 1,
};

describe("a pool's capacity chart", () => {
  it("draws CPU in cores, each hour at its middle, with the trend's samples on the same axis", () => {
    const { rows } = capacitySeries(pool, "cpu");
    expect(rows.map((r) => new Date(r.t).toISOString().slice(11, 16))).toEqual(["10:00", "10:30", "11:30", "12:00"]);
    expect(rows[1]).toEqual({ t: Date.parse("2026-11-25T10:30:00.000Z"), allocatable: 8, requests: 6.5 });
    expect(rows[2]).toMatchObject({ requests: 7, usage: 3, allocatableAhead: 8 });
    expect(rows[3]).toMatchObject({ fit: 8, band: [7, 9], allocatableAhead: 8 });
  });

  it("shows the trend that runs out first, and requests when neither does", () => {
    expect(trendShown(pool.forecasts, "cpu")?.basis).toBe("usage");
    expect(trendShown([forecast({ basis: "usage" }), forecast({})], "cpu")?.basis).toBe("requests");
    expect(trendShown(pool.forecasts, "memory")).toBeUndefined();
  });
});
