import { BUCKET_MS, type UsageBucket } from "./usage-history.ts";

// The 5-minute rollup as lib/db/ingest/rollup-usage.ts computes it in SQL (percentile_cont, max), in
// TypeScript: lets the domain tests start from raw samples and compare with what raw samples would say.

export type RawSample = { ts: number; cpuMillis: number; memoryBytes: number };

// PostgreSQL's percentile_cont: linear interpolation at rank q·(n−1) of the sorted values.
export function percentileCont(sorted: readonly number[], q: number): number {
  const h = q * (sorted.length - 1);
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function rollupSamples(samples: readonly RawSample[]): UsageBucket[] {
  const byBucket = new Map<number, RawSample[]>();
  for (const s of samples) {
    const start = Math.floor(s.ts / BUCKET_MS) * BUCKET_MS;
    const list = byBucket.get(start) ?? [];
    list.push(s);
    byBucket.set(start, list);
  }
  return [...byBucket.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, list]) => {
      const cpu = list.map((s) => s.cpuMillis).sort((a, b) => a - b);
      const mem = list.map((s) => s.memoryBytes).sort((a, b) => a - b);
      return {
        start,
        samples: list.length,
        cpuP50: percentileCont(cpu, 0.5),
        cpuP95: percentileCont(cpu, 0.95),
        cpuMax: cpu[cpu.length - 1],
        memoryP50: Math.round(percentileCont(mem, 0.5)),
        memoryP95: Math.round(percentileCont(mem, 0.95)),
        memoryMax: mem[mem.length - 1],
      };
    });
}
