import { KRR, totalsOf, VPA, type TotalsInput } from "./rightsizing-totals.ts";
import { savingsText } from "./savings-text.ts";

// "if applied now: KRR saves 1.2 cores, 3 GiB, $41/month (1 held); VPA …": both strategies' totals (totalsOf)
// in one line, for the right-sizing panel and the full list, over every row of the scope given.
export function totalsLine(rows: readonly TotalsInput[]): string {
  const part = (label: string, strategy: string) => {
    const t = totalsOf(rows, strategy);
    const held = t.held ? ` (${t.held} held)` : "";
    return `${label} ${savingsText({ cpuCores: t.cpuCores, memoryGiB: t.memoryGiB, monthly: t.monthly, currency: t.currency })}${held}`;
  };
  return `if applied now: ${part("KRR", KRR)}; ${part("VPA", VPA)}`;
}
