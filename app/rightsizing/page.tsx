import { connection } from "next/server";
import { rightsizingList } from "@/components/lists/rightsizing-list.ts";
import { RightsizingListView } from "@/components/lists/rightsizing-list-view.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { getRecommendationRows } from "@/lib/db/queries/get-recommendation-rows.ts";
import { listScopeOptions } from "@/lib/db/queries/list-scope-options.ts";
import { parseRightsizingListQuery } from "@/lib/domain/list-query.ts";
import { searchParamsOf } from "@/lib/domain/scope-params.ts";

type Params = Record<string, string | string[] | undefined>;

// Every right-sizing suggestion of the scope in the URL, one row per container.
export default async function RightsizingListPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  const params = searchParamsOf(await searchParams);
  await gatePage(params.size ? `/rightsizing?${params}` : "/rightsizing");
  const { scope, held, page, problems } = parseRightsizingListQuery(params);
  const [rows, options] = await Promise.all([getRecommendationRows(scope), listScopeOptions()]);
  return <RightsizingListView scope={scope} problems={problems} options={options} view={rightsizingList(rows, held, page)} />;
}
