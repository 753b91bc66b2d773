import { describe, expect, it } from "vitest";
import { percentile } from "./percentile.ts";
import { rollupSamples, type RawSample } from "./rollup-samples.ts";
import { cpuSpread, historySpan, notEnoughHistory, spreadBucket, weightedPercentile } from "./usage-history.ts";

const t0 = Date.UTC(2026, 10, 25, 8, 0);

// A deterministic, bursty workload: mostly quiet, a spike every few minutes, a busy hour.
function bursty(minutes: number, perMinute: number): RawSample[] {
  const out: RawSample[] = [];
  for (let i = 0; i < minutes * perMinute; i++) {
    const busy = i % 97 < 7 || (i > 600 && i < 700);
    out.push({ ts: t0 + (i * 60_000) / perMinute, cpuMillis: (busy ? 400 : 40) + ((i * 37) % 23), memoryBytes: 200e6 + ((i * 13) % 17) * 1e6 });
  }
  return out;
}

describe("usage history from 5-minute rollups", () => {
  it("never reports a p95 below the one the raw samples give, however bursty the usage", () => {
    for (const perMinute of [1, 2, 10]) {
      const raw = bursty(600, perMinute);
      const fromRollups = weightedPercentile(cpuSpread(rollupSamples(raw)), 95)!;
      const fromRaw = percentile(raw.map((s) => s.cpuMillis), 95)!;
      expect(fromRollups).toBeGreaterThanOrEqual(fromRaw);
      // ...and stays close: within the spread of one bucket's burst.
      expect(fromRollups).toBeLessThanOrEqual(fromRaw * 1.1);
    }
  });

  it("equals the raw p95 when usage inside each bucket is steady", () => {
    const raw = Array.from({ length: 600 }, (_, i) => ({ ts: t0 + i * 30_000, cpuMillis: 50 + Math.floor(i / 10) % 30, memoryBytes: 1e8 }));
    expect(weightedPercentile(cpuSpread(rollupSamples(raw)), 95)).toBe(percentile(raw.map((s) => s.cpuMillis), 95));
  });

  it("counts a bucket of ten samples as 5 at p50, 4 at p95 and 1 at max, as percentile_cont ranks them", () => {
    expect(spreadBucket(t0, 10, 1, 2, 3).map((g) => [g.value, g.weight])).toEqual([[1, 5], [2, 4], [3, 1]]);
    expect(spreadBucket(t0, 1, 7, 7, 7).map((g) => g.weight)).toEqual([1]);
  });

  it("counts raw samples through the rollups and spans bucket edges", () => {
    const span = historySpan(rollupSamples(bursty(240, 2)));
    expect(span).toMatchObject({ sampleCount: 480, bucketCount: 48, hours: 4 });
    expect(notEnoughHistory(span)).toBeNull();
  });

  it("asks for 100 samples and 3 hours before trusting a peak", () => {
    expect(notEnoughHistory(historySpan(rollupSamples(bursty(170, 1))))).toMatch(/needs at least 3 h/);
    const sparse = Array.from({ length: 50 }, (_, i) => ({ ts: t0 + i * 10 * 60_000, cpuMillis: 5, memoryBytes: 1e6 }));
    expect(notEnoughHistory(historySpan(rollupSamples(sparse)))).toBe("not enough history: 50 usage samples, needs at least 100");
  });
});
