import { describe, expect, it } from "vitest";
import { MIB, recommendKrrSimple } from "./rightsizing.ts";
import { rollupSamples } from "./rollup-samples.ts";

const t0 = Date.UTC(2026, 10, 25, 8, 0);

// One sample a minute, rolled up into 5-minute buckets as ingest stores them.
function usage(minutes: number, cpu: (i: number) => number, memory: (i: number) => number) {
  return rollupSamples(Array.from({ length: minutes }, (_, i) => ({ ts: t0 + i * 60_000, cpuMillis: cpu(i), memoryBytes: memory(i) })));
}

describe("KRR simple right-sizing over 5-minute rollups", () => {
  it("shrinks an over-provisioned frontend to its p95 CPU and peak memory + 15%", () => {
    const buckets = usage(240, (i) => 50 + (i % 20), (i) => 200 * MIB + (i % 10) * MIB);
    const r = recommendKrrSimple({ buckets, oomKilledRecently: false });
    if (!r.ok) throw new Error(r.reason);
    // Raw p95 of 50..69 repeating is 68m; the rollups cannot say less, and here say a little more.
    expect(r.cpuRequestMillis).toBeGreaterThanOrEqual(68);
    expect(r.cpuRequestMillis).toBeLessThanOrEqual(70);
    expect(r.memoryRequestBytes).toBe(Math.ceil((209 * MIB * 1.15) / MIB) * MIB);
    expect(r.memoryLimitBytes).toBe(r.memoryRequestBytes);
    expect(r.basis).toMatchObject({ source: "usage_rollups_5m", cpuPercentile: 95, sampleCount: 240, bucketCount: 48, historyHours: 4, oomKilledRecently: false, cpuLimit: null });
  });

  it("gives memory 25% more room after a recent OOM kill", () => {
    const r = recommendKrrSimple({ buckets: usage(240, () => 20, () => 400 * MIB), oomKilledRecently: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.memoryLimitBytes).toBe(Math.ceil((400 * 1.15 * 1.25 * MIB) / MIB) * MIB);
    expect(r.basis.oomBump).toBe(0.25);
  });

  it("sizes memory by the highest peak any bucket saw, not a percentile", () => {
    const r = recommendKrrSimple({ buckets: usage(240, () => 20, (i) => (i === 123 ? 900 : 300) * MIB), oomKilledRecently: false });
    if (!r.ok) throw new Error(r.reason);
    expect(r.basis.memoryMaxBytes).toBe(900 * MIB);
  });

  it("never recommends below 10m CPU and 100 MiB", () => {
    const r = recommendKrrSimple({ buckets: usage(240, () => 1, () => 10 * MIB), oomKilledRecently: false });
    if (!r.ok) throw new Error(r.reason);
    expect(r.cpuRequestMillis).toBe(10);
    expect(r.memoryRequestBytes).toBe(100 * MIB);
  });

  it("declines with the reason when history is shorter than 3 hours", () => {
    const buckets = rollupSamples(Array.from({ length: 200 }, (_, i) => ({ ts: t0 + i * 30_000, cpuMillis: 5, memoryBytes: MIB })));
    const r = recommendKrrSimple({ buckets, oomKilledRecently: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("needs at least 3 h");
  });

  it("declines with the reason when there are fewer than 100 samples", () => {
    const buckets = rollupSamples(Array.from({ length: 50 }, (_, i) => ({ ts: t0 + i * 10 * 60_000, cpuMillis: 5, memoryBytes: MIB })));
    expect(recommendKrrSimple({ buckets, oomKilledRecently: false })).toMatchObject({ ok: false, sampleCount: 50 });
  });
});
