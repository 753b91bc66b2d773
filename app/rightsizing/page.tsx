import { connection } from "next/server";
import { byLargestSavings } from "@/components/cockpit/panel-order.ts";
import { RightsizingListView } from "@/components/lists/rightsizing-list-view.tsx";
import { groupByContainer } from "@/components/rightsizing/group-recommendations.ts";
import { gatePage } from "@/lib/auth/gate.ts";
import { getRecommendationRows } from "@/lib/db/queries/get-recommendation-rows.ts";
import { listScopeOptions } from "@/lib/db/queries/list-scope-options.ts";
import { listPage } from "@/lib/domain/list-page.ts";
import { parseRightsizingListQuery } from "@/lib/domain/list-query.ts";
import { totalsLine } from "@/lib/domain/rightsizing-totals-line.ts";
import { searchParamsOf } from "@/lib/domain/scope-params.ts";

type Params = Record<string, string | string[] | undefined>;

// Every suggestion of the scope in the URL, one row per container. The totals line and the counts speak
// of the whole scope; `held=1` keeps the containers one of whose suggestions waits for its SLO to recover.
export default async function RightsizingListPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  const params = searchParamsOf(await searchParams);
  await gatePage(params.size ? `/rightsizing?${params}` : "/rightsizing");
  const { scope, held, page, problems } = parseRightsizingListQuery(params);
  const [rows, options] = await Promise.all([getRecommendationRows(scope), listScopeOptions()]);
  const groups = groupByContainer(byLargestSavings(rows));
  const heldGroups = groups.filter((g) => g.krr?.held || g.vpa?.held);
  return (
    <RightsizingListView
      scope={scope}
      problems={problems}
      options={options}
      totals={rows.length ? totalsLine(rows) : null}
      counts={{ all: groups.length, held: heldGroups.length }}
      held={held}
      list={listPage(held ? heldGroups : groups, page)}
    />
  );
}
