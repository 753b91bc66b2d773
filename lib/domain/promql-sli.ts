import type { MinuteSample } from "./availability-sli.ts";

// SLIs Prometheus measures, as OpenSLO and Sloth write them: a ratio of two queries (good or bad over
// total) or one query compared with a threshold. Uptrust asks for one value a minute.

export type PromQuery =
  | { kind: "ratio"; good?: string; bad?: string; total: string }
  | { kind: "threshold"; query: string; op: "lt" | "lte" | "gt" | "gte"; value: number }
  /** A query that is itself a ratio over its range: the error ratio (Sloth raw) or the good ratio. */
  | { kind: "raw"; query: string; ratio: "error" | "good" };

/** One Prometheus series summed over its labels: unix ms → value. */
export type PromSeries = Map<number, number>;

// Sloth templates its range as {{.window}}; a per-minute rollup asks for one minute.
export function renderQuery(query: string): string {
  return query.replace(/\{\{\s*\.window\s*\}\}/g, "1m");
}

// A rate is per second: a minute holds 60 of it. increase() and plain counts are already per minute.
export const perSecond = (query: string) => /\b(i?rate)\s*\(/.test(query);

// Ratio SLIs under Occurrences: each minute weighs as many events as it served. A minute where total is
// missing or zero measured nothing and is left out; good above total (scrape jitter) is capped.
export function ratioSamples(q: Extract<PromQuery, { kind: "ratio" }>, numerator: PromSeries, total: PromSeries): MinuteSample[] {
  const scale = perSecond(q.total) ? 60 : 1;
  const out: MinuteSample[] = [];
  for (const [ts, t] of [...total].sort((a, b) => a[0] - b[0])) {
    if (!(t > 0)) continue;
    const n = Math.max(0, numerator.get(ts) ?? 0);
    const good = q.good !== undefined ? Math.min(n, t) : Math.max(0, t - n);
    out.push({ ts, good: good * scale, total: t * scale });
  }
  return out;
}

// Threshold SLIs are timeslices by nature: each minute is good when the value meets the objective
// (p99 latency lte 0.3), one event per minute with a value.
export function thresholdSamples(q: Extract<PromQuery, { kind: "threshold" }>, series: PromSeries): MinuteSample[] {
  const meets = { lt: (v: number) => v < q.value, lte: (v: number) => v <= q.value, gt: (v: number) => v > q.value, gte: (v: number) => v >= q.value }[q.op];
  return [...series].sort((a, b) => a[0] - b[0]).filter(([, v]) => Number.isFinite(v)).map(([ts, v]) => ({ ts, good: meets(v) ? 1 : 0, total: 1 }));
}

// Raw SLIs give a ratio, not events: each minute with a value is one event, good in the share the ratio
// says (an error ratio of 0.02 is 0.98 good), so the window's SLI is the mean of its minutes' ratios, as
// Sloth averages a raw SLI's short-window ratios over the SLO period. Ratios outside [0, 1] are clamped.
export function rawSamples(q: Extract<PromQuery, { kind: "raw" }>, series: PromSeries): MinuteSample[] {
  return [...series]
    .sort((a, b) => a[0] - b[0])
    .filter(([, v]) => Number.isFinite(v))
    .map(([ts, v]) => {
      const ratio = Math.min(1, Math.max(0, v));
      return { ts, good: q.ratio === "error" ? 1 - ratio : ratio, total: 1 };
    });
}
