import type { MttxRow } from "@/lib/views/mttx.ts";

// The services a "per service" MTTx chart has room for: those with the most incidents over the window (ties:
// the longest mean), the same services for every metric so switching MTTD/MTTA/MTTR keeps the bars in place.
// A fleet has hundreds of services; /mttx lists every incident behind the figures.
export function topMttxServices(rows: readonly MttxRow[], n: number): MttxRow[] {
  const weight = new Map<string, { incidents: number; mean: number }>();
  for (const r of rows) {
    if (r.grouping !== "service") continue;
    const w = weight.get(r.groupKey) ?? { incidents: 0, mean: 0 };
    weight.set(r.groupKey, { incidents: Math.max(w.incidents, r.incidents), mean: Math.max(w.mean, r.meanSeconds) });
  }
  const kept = new Set(
    [...weight.entries()]
      .sort(([ka, a], [kb, b]) => b.incidents - a.incidents || b.mean - a.mean || ka.localeCompare(kb))
      .slice(0, n)
      .map(([key]) => key),
  );
  return rows.filter((r) => r.grouping !== "service" || kept.has(r.groupKey));
}

/** How many services the rows name. */
export const mttxServiceCount = (rows: readonly MttxRow[]) => new Set(rows.filter((r) => r.grouping === "service").map((r) => r.groupKey)).size;
