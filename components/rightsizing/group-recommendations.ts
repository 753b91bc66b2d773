import type { RecommendationRow } from "@/lib/views/recommendation.ts";

// The cockpit shows KRR and VPA side by side, one line per container: these fold the per-strategy rows.

export const KRR = "krr-simple";
export const VPA = "vpa";

export type ContainerSuggestions = {
  key: string;
  first: RecommendationRow;
  krr: RecommendationRow | null;
  vpa: RecommendationRow | null;
};

export function groupByContainer(rows: readonly RecommendationRow[]): ContainerSuggestions[] {
  const groups = new Map<string, ContainerSuggestions>();
  for (const r of rows) {
    const key = `${r.cluster}/${r.namespace}/${r.workload}/${r.container}`;
    const g = groups.get(key) ?? { key, first: r, krr: null, vpa: null };
    if (r.strategy === VPA) g.vpa = r;
    else g.krr = r;
    groups.set(key, g);
  }
  return [...groups.values()];
}

export type StrategyTotals = { cpuCores: number; memoryGiB: number; monthly: number; currency: string; held: number };

// What applying one strategy's suggestions now would free: held suggestions are counted apart, since
// they are not to be applied while their SLO burns.
export function totalsOf(rows: readonly RecommendationRow[], strategy: string): StrategyTotals {
  const t: StrategyTotals = { cpuCores: 0, memoryGiB: 0, monthly: 0, currency: rows[0]?.monthly.currency ?? "USD", held: 0 };
  for (const r of rows) {
    if (r.strategy !== strategy || !r.enoughHistory) continue;
    if (r.held) {
      t.held++;
      continue;
    }
    t.cpuCores += r.savings.cpuCores ?? 0;
    t.memoryGiB += r.savings.memoryGiB ?? 0;
    t.monthly += r.monthly.total ?? 0;
  }
  return t;
}
