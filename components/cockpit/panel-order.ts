import type { RecommendationRow } from "@/lib/views/recommendation.ts";
import { KRR } from "@/lib/domain/rightsizing-totals.ts";

// Each home-page panel opens with its most important row. SLOs (paging first), incidents (open first),
// guardrail findings (dangers first) and pools (soonest first) arrive in that order from the read model;
// right-sizing arrives by name, so the container whose KRR suggestion is worth most a month comes first
// here, its VPA line beside it, and suggestions still waiting for history or held last.
export function byLargestSavings(rows: readonly RecommendationRow[]): RecommendationRow[] {
  const container = (r: RecommendationRow) => `${r.cluster}/${r.namespace}/${r.workload}/${r.container}`;
  const worth = new Map<string, number>();
  for (const r of rows) {
    if (r.strategy !== KRR) continue;
    worth.set(container(r), r.enoughHistory && !r.held ? (r.monthly.total ?? 0) : -Infinity);
  }
  const of = (r: RecommendationRow) => worth.get(container(r)) ?? -Infinity;
  return [...rows].sort((a, b) => (of(b) === of(a) ? 0 : of(b) > of(a) ? 1 : -1));
}
