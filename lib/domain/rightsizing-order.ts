import type { RecommendationRow } from "@/lib/views/recommendation.ts";
import { KRR } from "./rightsizing-totals.ts";

const containerOf = (r: RecommendationRow) => `${r.cluster}/${r.namespace}/${r.workload}/${r.container}`;

// Right-sizing opens with its most important row: the container whose KRR suggestion is worth most a month
// comes first, its VPA line beside it, and suggestions still waiting for history or held last. Rows arrive
// by name from the read model, so this order is the one every list of suggestions shows.
export function byLargestSavings(rows: readonly RecommendationRow[]): RecommendationRow[] {
  const worth = new Map<string, number>();
  for (const r of rows) {
    if (r.strategy !== KRR) continue;
    worth.set(containerOf(r), r.enoughHistory && !r.held ? (r.monthly.total ?? 0) : -Infinity);
  }
  const of = (r: RecommendationRow) => worth.get(containerOf(r)) ?? -Infinity;
  return [...rows].sort((a, b) => (of(b) === of(a) ? 0 : of(b) > of(a) ? 1 : -1));
}

/** How many containers `rows` name (each has a KRR and a VPA row). */
export const containerCount = (rows: readonly RecommendationRow[]) => new Set(rows.map(containerOf)).size;

// The rows of the `n` containers worth most, both strategies of each: the home panel's share of the list.
export function topContainers(rows: readonly RecommendationRow[], n: number): RecommendationRow[] {
  const keep = new Set<string>();
  return byLargestSavings(rows).filter((r) => {
    const key = containerOf(r);
    if (keep.has(key)) return true;
    if (keep.size >= n) return false;
    keep.add(key);
    return true;
  });
}
