import { connection } from "next/server";
import { pageIds, rightsizingList, withRows } from "@/components/lists/rightsizing-list.ts";
import { RightsizingListView } from "@/components/lists/rightsizing-list-view.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { readRecommendationHeadlines, readRecommendationRows } from "@/lib/db/queries/get-recommendation-rows.ts";
import { listScopeOptions } from "@/lib/db/queries/list-scope-options.ts";
import { parseRightsizingListQuery } from "@/lib/domain/list-query.ts";
import { searchParamsOf } from "@/lib/domain/scope-params.ts";

type Params = Record<string, string | string[] | undefined>;

// Every right-sizing suggestion of the scope in the URL, one row per container: ordered, counted and totalled
// from every suggestion's headline, with whole rows read only for the page shown.
export default async function RightsizingListPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  const params = searchParamsOf(await searchParams);
  await gatePage(params.size ? `/rightsizing?${params}` : "/rightsizing");
  const { scope, held, page, problems } = parseRightsizingListQuery(params);
  const [headlines, options] = await Promise.all([readRecommendationHeadlines(scope), listScopeOptions()]);
  const view = rightsizingList(headlines, held, page);
  const rows = await readRecommendationRows(pageIds(view));
  return <RightsizingListView scope={scope} problems={problems} options={options} view={withRows(view, rows)} />;
}
