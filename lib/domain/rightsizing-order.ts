import { KRR, type TotalsInput } from "./rightsizing-totals.ts";

type Ordered = TotalsInput & { cluster: string; namespace: string; workload: string; container: string };

const containerOf = (r: Ordered) => `${r.cluster}/${r.namespace}/${r.workload}/${r.container}`;

// Right-sizing opens with its most important row: the container whose KRR suggestion is worth most a month
// comes first, its VPA line beside it, and suggestions still waiting for history or held last. Rows arrive
// by name from the read model, so this order is the one every list of suggestions shows. Each row's worth is
// looked up once, not per comparison: building its key in every comparison took ~60 ms for 2,400 rows
// (bench/lists.ts). The sort is stable: equal worths keep their order by name.
export function byLargestSavings<R extends Ordered>(rows: readonly R[]): R[] {
  return keyedByWorth(rows).map((k) => k.row);
}

// Each row with its container's key and worth, largest first: the key is built once per row (the cockpit orders
// 2,400 suggestions on every render).
function keyedByWorth<R extends Ordered>(rows: readonly R[]): { row: R; key: string; worth: number }[] {
  const keys = rows.map(containerOf);
  const worth = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.strategy === KRR) worth.set(keys[i], r.enoughHistory && !r.held ? (r.monthly.total ?? 0) : -Infinity);
  });
  const keyed = rows.map((row, i) => ({ row, key: keys[i], worth: worth.get(keys[i]) ?? -Infinity }));
  keyed.sort((a, b) => (b.worth === a.worth ? 0 : b.worth > a.worth ? 1 : -1));
  return keyed;
}

/** How many containers `rows` name (each has a KRR and a VPA row). */
export const containerCount = (rows: readonly Ordered[]) => new Set(rows.map(containerOf)).size;

// The rows of the `n` containers worth most, both strategies of each: the home panel's share of the list.
export function topContainers<R extends Ordered>(rows: readonly R[], n: number): R[] {
  const keep = new Set<string>();
  return keyedByWorth(rows)
    .filter(({ key }) => {
      if (keep.has(key)) return true;
      if (keep.size >= n) return false;
      keep.add(key);
      return true;
    })
    .map((k) => k.row);
}
