import type { PromSeries } from "@/lib/domain/promql-sli.ts";
import { fetchMatrix } from "./fetch-matrix.ts";

const STEP_S = 60;
// Prometheus refuses more than 11,000 points per series; a week of minutes stays under it.
const MAX_SPAN_MS = 7 * 24 * 3600_000;

// One value a minute for [from, to) (minute-aligned), every series of the answer summed, as SLI ratios
// over a whole service are. Prometheus evaluates a range ending at each step, so the value at t + 1m
// (rate over [1m]) is the minute that starts at t. Errors name the query and what Prometheus said.
export async function queryRange(baseUrl: string, query: string, from: number, to: number): Promise<PromSeries> {
  const out: PromSeries = new Map();
  for (let start = from; start < to; start += MAX_SPAN_MS) {
    const end = Math.min(start + MAX_SPAN_MS, to);
    for (const s of await fetchMatrix(baseUrl, query, start / 1000 + STEP_S, end / 1000, STEP_S)) {
      for (const [t, v] of s.values) {
        const value = Number(v);
        if (!Number.isFinite(value)) continue; // NaN from 0/0 measured nothing
        const ts = Math.round(t) * 1000 - STEP_S * 1000;
        out.set(ts, (out.get(ts) ?? 0) + value);
      }
    }
  }
  return out;
}
