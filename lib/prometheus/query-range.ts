import { z } from "zod";
import type { PromSeries } from "@/lib/domain/promql-sli.ts";

const STEP_S = 60;
// Prometheus refuses more than 11,000 points per series; a week of minutes stays under it.
const MAX_SPAN_MS = 7 * 24 * 3600_000;

const answer = z.object({
  status: z.literal("success"),
  data: z.object({ resultType: z.literal("matrix"), result: z.array(z.object({ values: z.array(z.tuple([z.number(), z.string()])) })) }),
});

// One value a minute for [from, to) (minute-aligned), every series of the answer summed, as SLI ratios
// over a whole service are. Prometheus evaluates a range ending at each step, so the value at t + 1m
// (rate over [1m]) is the minute that starts at t. Errors name the query and what Prometheus said.
export async function queryRange(baseUrl: string, query: string, from: number, to: number): Promise<PromSeries> {
  const out: PromSeries = new Map();
  for (let start = from; start < to; start += MAX_SPAN_MS) {
    const end = Math.min(start + MAX_SPAN_MS, to);
    const url = new URL("api/v1/query_range", baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
    url.search = new URLSearchParams({ query, start: String(start / 1000 + STEP_S), end: String(end / 1000), step: String(STEP_S) }).toString();
    const res = await fetch(url, { signal: AbortSignal.timeout(20_000) });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const error = typeof body === "object" && body && "error" in body ? String((body as { error: unknown }).error) : `status ${res.status}`;
      throw new Error(`Prometheus refused ${query}: ${error}`);
    }
    const parsed = answer.safeParse(body);
    if (!parsed.success) throw new Error(`Prometheus answered ${query} with something other than a range of values (a matrix)`);
    for (const s of parsed.data.data.result) {
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
