import { describe, expect, it } from "vitest";
import { GIB, MIB, recommendKrrSimple, type UsagePoint } from "./rightsizing.ts";

const t0 = Date.UTC(2026, 10, 25, 8, 0);

function usage(minutes: number, cpu: (i: number) => number, memory: (i: number) => number): UsagePoint[] {
  return Array.from({ length: minutes }, (_, i) => ({ ts: t0 + i * 60_000, cpuMillis: cpu(i), memoryBytes: memory(i) }));
}

const frontendRequests = { cpuRequestMillis: 500, memoryRequestBytes: GIB, memoryLimitBytes: GIB };

describe("KRR simple right-sizing", () => {
  it("shrinks an over-provisioned frontend to its p95 CPU and peak memory + 15%", () => {
    const samples = usage(240, (i) => 50 + (i % 20), (i) => 200 * MIB + (i % 10) * MIB);
    const r = recommendKrrSimple({ samples, current: frontendRequests, oomKilledRecently: false, replicas: 2 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.cpuRequestMillis).toBe(68);
    expect(r.cpuLimitMillis).toBeNull();
    expect(r.memoryRequestBytes).toBe(Math.ceil((209 * MIB * 1.15) / MIB) * MIB);
    expect(r.memoryLimitBytes).toBe(r.memoryRequestBytes);
    expect(r.basis).toMatchObject({ cpuPercentile: 95, percentileMethod: "nearest-rank", sampleCount: 240, oomKilledRecently: false });
    expect(r.basis.savings.cpuCores).toBeCloseTo((2 * (500 - 68)) / 1000, 3);
    expect(r.basis.savings.memoryGiB).toBeGreaterThan(1.4);
  });

  it("gives memory 25% more room after a recent OOM kill", () => {
    const samples = usage(240, () => 20, () => 400 * MIB);
    const r = recommendKrrSimple({ samples, current: frontendRequests, oomKilledRecently: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.memoryLimitBytes).toBe(Math.ceil((400 * 1.15 * 1.25 * MIB) / MIB) * MIB);
    expect(r.basis.oomBump).toBe(0.25);
  });

  it("never recommends below 10m CPU and 100 MiB", () => {
    const r = recommendKrrSimple({ samples: usage(240, () => 1, () => 10 * MIB), current: frontendRequests, oomKilledRecently: false });
    if (!r.ok) throw new Error(r.reason);
    expect(r.cpuRequestMillis).toBe(10);
    expect(r.memoryRequestBytes).toBe(100 * MIB);
  });

  it("declines with the reason when history is shorter than 3 hours", () => {
    const samples = Array.from({ length: 200 }, (_, i) => ({ ts: t0 + i * 30_000, cpuMillis: 5, memoryBytes: MIB }));
    const r = recommendKrrSimple({ samples, current: frontendRequests, oomKilledRecently: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("needs at least 3 h");
  });

  it("declines with the reason when there are fewer than 100 samples", () => {
    const samples = Array.from({ length: 50 }, (_, i) => ({ ts: t0 + i * 10 * 60_000, cpuMillis: 5, memoryBytes: MIB }));
    const r = recommendKrrSimple({ samples, current: frontendRequests, oomKilledRecently: false });
    expect(r).toMatchObject({ ok: false, sampleCount: 50 });
  });
});
