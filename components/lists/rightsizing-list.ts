import { listPage, type ListPage } from "@/lib/domain/list-page.ts";
import { KRR, totalsOf, VPA } from "@/lib/domain/rightsizing-totals.ts";
import { totalsLine } from "@/lib/domain/rightsizing-totals-line.ts";
import type { RecommendationHeadline, RecommendationRow } from "@/lib/views/recommendation.ts";
import { byLargestSavings } from "@/lib/domain/rightsizing-order.ts";
import { groupByContainer, type ContainerSuggestions } from "../rightsizing/group-recommendations.ts";

export type RightsizingList<R extends RecommendationHeadline = RecommendationRow> = {
  /** Over every suggestion of the scope, whatever the filter and page; null when there is none. */
  totals: string | null;
  counts: { all: number; held: number };
  held: boolean;
  list: ListPage<ContainerSuggestions<R>>;
};

const isHeld = (g: ContainerSuggestions<RecommendationHeadline>) => Boolean(g.krr?.held || g.vpa?.held);

// The /rightsizing page from every suggestion of its scope, one row per container as the cockpit's panel
// groups them, largest savings first; `held` keeps the containers one of whose suggestions is held. The page
// passes headlines (every suggestion's name and worth), then reads whole rows for the page shown (withRows).
export function rightsizingList<R extends RecommendationHeadline>(rows: readonly R[], held: boolean, page: number): RightsizingList<R> {
  const groups = groupByContainer(byLargestSavings(rows));
  const heldGroups = groups.filter(isHeld);
  return {
    totals: rows.length ? totalsLine({ krr: totalsOf(rows, KRR), vpa: totalsOf(rows, VPA) }) : null,
    counts: { all: groups.length, held: heldGroups.length },
    held,
    list: listPage(held ? heldGroups : groups, page),
  };
}

/** The ids of the suggestions the list's page shows, in its order. */
export const pageIds = (view: RightsizingList<RecommendationHeadline>) => view.list.rows.flatMap((g) => [g.krr?.id, g.vpa?.id].filter((id): id is string => Boolean(id)));

/** The list with its page's whole rows, read for `pageIds(view)`, in their place. */
export function withRows(view: RightsizingList<RecommendationHeadline>, rows: readonly RecommendationRow[]): RightsizingList {
  return { ...view, list: { ...view.list, rows: groupByContainer(rows) } };
}
