import { KRR, type TotalsInput } from "./rightsizing-totals.ts";

type Ordered = TotalsInput & { cluster: string; namespace: string; workload: string; container: string };

const containerOf = (r: Ordered) => `${r.cluster}/${r.namespace}/${r.workload}/${r.container}`;

// Right-sizing opens with its most important row: the container whose KRR suggestion is worth most a month
// comes first, its VPA line beside it, and suggestions still waiting for history or held last. Rows arrive
// by name from the read model, so this order is the one every list of suggestions shows. Each row's worth is
// looked up once, not per comparison: building its key in every comparison took ~60 ms for 2,400 rows
// (bench/lists.ts). The sort is stable: equal worths keep their order by name.
export function byLargestSavings<R extends Ordered>(rows: readonly R[]): R[] {
  const worth = new Map<string, number>();
  for (const r of rows) {
    if (r.strategy !== KRR) continue;
    worth.set(containerOf(r), r.enoughHistory && !r.held ? (r.monthly.total ?? 0) : -Infinity);
  }
  const keyed = rows.map((row) => ({ row, worth: worth.get(containerOf(row)) ?? -Infinity }));
  keyed.sort((a, b) => (b.worth === a.worth ? 0 : b.worth > a.worth ? 1 : -1));
  return keyed.map((k) => k.row);
}

/** How many containers `rows` name (each has a KRR and a VPA row). */
export const containerCount = (rows: readonly Ordered[]) => new Set(rows.map(containerOf)).size;

// The rows of the `n` containers worth most, both strategies of each: the home panel's share of the list.
export function topContainers<R extends Ordered>(rows: readonly R[], n: number): R[] {
  const keep = new Set<string>();
  return byLargestSavings(rows).filter((r) => {
    const key = containerOf(r);
    if (keep.has(key)) return true;
    if (keep.size >= n) return false;
    keep.add(key);
    return true;
  });
}
