import { describe, expect, it } from "vitest";
import { MIB } from "./rightsizing.ts";
import { rollupSamples } from "./rollup-samples.ts";
import { DAY_MS, HOUR_MS } from "./slo.ts";
import { dailyPeaks, oomFloor, recommendVpa, VPA } from "./vpa.ts";

const now = Date.UTC(2026, 11, 2, 12, 0);

// One sample a minute for `hours` up to now.
function usage(hours: number, cpu: (t: number) => number, memory: (t: number) => number) {
  const n = hours * 60;
  return rollupSamples(Array.from({ length: n }, (_, i) => {
    const ts = now - (n - i) * 60_000;
    return { ts, cpuMillis: cpu(ts), memoryBytes: memory(ts) };
  }));
}

const steady = (millis: number) => () => millis;
const ago = (t: number) => (now - t) / DAY_MS;

describe("VPA-style right-sizing", () => {
  it("sizes a steady service at its usage + 15 %, rounded up to its histogram bucket's edge", () => {
    const r = recommendVpa({ buckets: usage(96, steady(200), steady(300 * MIB)), now, oomUsageBytes: null });
    if (!r.ok) throw new Error(r.reason);
    expect(r.cpuRequestMillis).toBeGreaterThanOrEqual(200 * 1.15);
    // VPA's buckets are 5 % wide plus 10m, so 10 % wide around 200m.
    expect(r.cpuRequestMillis).toBeLessThanOrEqual(Math.ceil(200 * 1.1 * 1.15));
    expect(r.memoryRequestBytes).toBeGreaterThanOrEqual(300 * MIB * 1.15);
    expect(r.memoryRequestBytes).toBeLessThanOrEqual(300 * MIB * 1.1 * 1.15 + MIB);
    expect(r.memoryLimitBytes).toBe(r.memoryRequestBytes);
    expect(r.basis).toMatchObject({ strategy: "vpa", halfLifeHours: 24, cpuPercentiles: { target: 90, lower: 50, upper: 95 }, safetyMargin: 0.15, historyDays: 4 });
  });

  it("lets a surge four days ago lift the upper bound but no longer the target: yesterday counts half as much as today", () => {
    const surge = (t: number) => (ago(t) > 3 ? 800 : 100);
    const r = recommendVpa({ buckets: usage(96, surge, steady(300 * MIB)), now, oomUsageBytes: null });
    if (!r.ok) throw new Error(r.reason);
    // A quarter of the samples are the surge; decayed by 2^-3.5 they weigh about 6 % of the total.
    expect(r.basis.cpuEstimateMillis.p90).toBeLessThan(120);
    expect(r.basis.cpuEstimateMillis.p95).toBeGreaterThan(800);
  });

  it("takes memory from daily peaks: the target still covers the busiest day two days back", () => {
    const byDay = (t: number) => [300, 350, 400][Math.ceil(ago(t)) - 1] * MIB - ((t / 60_000) % 50) * MIB;
    const buckets = usage(72, steady(50), byDay);
    expect(dailyPeaks(buckets, now, VPA.memoryDays).map((p) => Math.round(p.peakBytes / MIB))).toEqual([400, 350, 300]);
    const r = recommendVpa({ buckets, now, oomUsageBytes: null });
    if (!r.ok) throw new Error(r.reason);
    expect(r.basis.memoryPeaks).toHaveLength(3);
    expect(r.memoryRequestBytes).toBeGreaterThanOrEqual(400 * MIB * 1.15);
    expect(r.basis.lowerBound.memoryBytes).toBeLessThan(r.memoryRequestBytes);
  });

  it("reads only the last 8 days, as VPA's memory history does", () => {
    const old = usage(24 * 10, steady(50), (t) => (ago(t) > 8 ? 2000 : 300) * MIB);
    const r = recommendVpa({ buckets: old, now, oomUsageBytes: null });
    if (!r.ok) throw new Error(r.reason);
    expect(r.basis.memoryPeaks).toHaveLength(8);
    expect(r.memoryRequestBytes).toBeLessThan(500 * MIB);
  });

  it("widens the upper bound by 1 + 1/days while history is short", () => {
    const short = recommendVpa({ buckets: usage(6, steady(100), steady(300 * MIB)), now, oomUsageBytes: null });
    const long = recommendVpa({ buckets: usage(8 * 24, steady(100), steady(300 * MIB)), now, oomUsageBytes: null });
    if (!short.ok || !long.ok) throw new Error("no recommendation");
    expect(short.basis.upperBoundFactor).toBe(5); // 6 h = 0.25 days
    expect(long.basis.upperBoundFactor).toBe(1.125);
    expect(short.basis.upperBound.cpuMillis).toBeGreaterThan(4 * long.basis.upperBound.cpuMillis);
    expect(short.cpuRequestMillis).toBe(long.cpuRequestMillis);
  });

  it("after an OOM kill, gives memory 20 % or 100 MiB more than the usage at the kill, whichever is more", () => {
    expect(oomFloor(256 * MIB)).toBe(356 * MIB);
    expect(oomFloor(2048 * MIB)).toBeCloseTo(2048 * 1.2 * MIB);
    const r = recommendVpa({ buckets: usage(12, steady(50), steady(300 * MIB)), now, oomUsageBytes: 512 * MIB });
    if (!r.ok) throw new Error(r.reason);
    expect(r.memoryRequestBytes).toBe(Math.ceil((512 * 1.2 * MIB) / MIB) * MIB);
    expect(r.basis.oom).toEqual({ usageBytes: 512 * MIB, floorBytes: 512 * 1.2 * MIB });
    expect(r.basis.upperBound.memoryBytes).toBeGreaterThanOrEqual(r.memoryRequestBytes);
  });

  it("never suggests below 25m CPU and 250 MiB", () => {
    const r = recommendVpa({ buckets: usage(12, steady(2), steady(20 * MIB)), now, oomUsageBytes: null });
    if (!r.ok) throw new Error(r.reason);
    expect(r.cpuRequestMillis).toBe(25);
    expect(r.memoryRequestBytes).toBe(250 * MIB);
    expect(r.basis.lowerBound).toEqual({ cpuMillis: 25, memoryBytes: 250 * MIB });
  });

  it("waits for the same 3 hours of history KRR needs, so both columns rest on the same data", () => {
    const r = recommendVpa({ buckets: usage(2, steady(50), steady(300 * MIB)), now, oomUsageBytes: null });
    expect(r).toMatchObject({ ok: false, historyHours: 2 });
    expect(HOUR_MS).toBe(3_600_000);
  });
});
