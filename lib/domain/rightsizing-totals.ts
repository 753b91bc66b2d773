// What applying one strategy's suggestions now would free, defined once for the right-sizing panel and the
// clusters' summary. Held suggestions are counted apart (they are not to be applied while their SLO burns),
// and a container without enough history has no suggestion to apply yet.

export const KRR = "krr-simple";
export const VPA = "vpa";

export type TotalsInput = {
  strategy: string;
  enoughHistory: boolean;
  held: boolean;
  savings: { cpuCores: number | null; memoryGiB: number | null };
  monthly: { total: number | null; currency: string };
};

export type StrategyTotals = { cpuCores: number; memoryGiB: number; monthly: number; currency: string; held: number };

export function totalsOf(rows: readonly TotalsInput[], strategy: string): StrategyTotals {
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
