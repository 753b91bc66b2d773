import type { RecommendationHeadline, RecommendationRow } from "@/lib/views/recommendation.ts";
import { VPA } from "@/lib/domain/rightsizing-totals.ts";

// The cockpit shows KRR and VPA side by side, one line per container: these fold the per-strategy rows.

// The totals are defined in lib/domain (the clusters' summary reads them too).
export { KRR, VPA, totalsOf, type StrategyTotals } from "@/lib/domain/rightsizing-totals.ts";

export type ContainerSuggestions<R extends RecommendationHeadline = RecommendationRow> = {
  key: string;
  first: R;
  krr: R | null;
  vpa: R | null;
};

export function groupByContainer<R extends RecommendationHeadline>(rows: readonly R[]): ContainerSuggestions<R>[] {
  const groups = new Map<string, ContainerSuggestions<R>>();
  for (const r of rows) {
    const key = `${r.cluster}/${r.namespace}/${r.workload}/${r.container}`;
    const g = groups.get(key) ?? { key, first: r, krr: null, vpa: null };
    if (r.strategy === VPA) g.vpa = r;
    else g.krr = r;
    groups.set(key, g);
  }
  return [...groups.values()];
}
