import type { StrategyTotals } from "./rightsizing-totals.ts";
import { savingsText } from "./savings-text.ts";

// "if applied now: KRR saves 1.2 cores, 3 GiB, $41/month (1 held); VPA …": both strategies' totals (totalsOf
// over every row of the scope) in one line, for the right-sizing panel and the full list.
export function totalsLine(totals: { krr: StrategyTotals; vpa: StrategyTotals }): string {
  const part = (label: string, t: StrategyTotals) => {
    const held = t.held ? ` (${t.held} held)` : "";
    return `${label} ${savingsText({ cpuCores: t.cpuCores, memoryGiB: t.memoryGiB, monthly: t.monthly, currency: t.currency })}${held}`;
  };
  return `if applied now: ${part("KRR", totals.krr)}; ${part("VPA", totals.vpa)}`;
}
