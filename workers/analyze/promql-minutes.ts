import type { MinuteSample } from "@/lib/domain/availability-sli.ts";
import { ratioSamples, rawSamples, renderQuery, thresholdSamples } from "@/lib/domain/promql-sli.ts";
import { parsePromQuery } from "@/lib/prometheus/prom-query.ts";
import { queryRange } from "@/lib/prometheus/query-range.ts";

// A PromQL SLO's minutes in [from, end), asked of Prometheus one value a minute. Prometheus is a store of
// facts like Postgres: the analyzer reads it and writes the SLI minutes; the app never calls it.
export async function promqlMinutes(baseUrl: string, stored: unknown, from: number, end: number): Promise<MinuteSample[]> {
  const q = parsePromQuery(stored);
  if (!q) throw new Error("this SLO's PromQL SLI is missing or malformed; import its definition again");
  if (q.kind === "threshold") return thresholdSamples(q, await queryRange(baseUrl, renderQuery(q.query), from, end));
  if (q.kind === "raw") return rawSamples(q, await queryRange(baseUrl, renderQuery(q.query), from, end));
  const numerator = q.good ?? q.bad!;
  const [n, total] = await Promise.all([queryRange(baseUrl, renderQuery(numerator), from, end), queryRange(baseUrl, renderQuery(q.total), from, end)]);
  return ratioSamples(q, n, total);
}
