import { listPage, type ListPage } from "@/lib/domain/list-page.ts";
import { KRR, totalsOf, VPA } from "@/lib/domain/rightsizing-totals.ts";
import { totalsLine } from "@/lib/domain/rightsizing-totals-line.ts";
import type { RecommendationRow } from "@/lib/views/recommendation.ts";
import { byLargestSavings } from "@/lib/domain/rightsizing-order.ts";
import { groupByContainer, type ContainerSuggestions } from "../rightsizing/group-recommendations.ts";

export type RightsizingList = {
  /** Over every suggestion of the scope, whatever the filter and page; null when there is none. */
  totals: string | null;
  counts: { all: number; held: number };
  held: boolean;
  list: ListPage<ContainerSuggestions>;
};

const isHeld = (g: ContainerSuggestions) => Boolean(g.krr?.held || g.vpa?.held);

// The /rightsizing page from every suggestion of its scope, one row per container as the cockpit's panel
// groups them, largest savings first; `held` keeps the containers one of whose suggestions is held.
export function rightsizingList(rows: readonly RecommendationRow[], held: boolean, page: number): RightsizingList {
  const groups = groupByContainer(byLargestSavings(rows));
  const heldGroups = groups.filter(isHeld);
  return {
    totals: rows.length ? totalsLine({ krr: totalsOf(rows, KRR), vpa: totalsOf(rows, VPA) }) : null,
    counts: { all: groups.length, held: heldGroups.length },
    held,
    list: listPage(held ? heldGroups : groups, page),
  };
}
