import { connection } from "next/server";
import { pageSloIds, sloList, withCards } from "@/components/lists/slo-list.ts";
import { SloListView } from "@/components/lists/slo-list-view.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { readSloCardsByIds, readSloHeadlines } from "@/lib/db/queries/get-slo-cards.ts";
import { listScopeOptions } from "@/lib/db/queries/list-scope-options.ts";
import { parseSloListQuery } from "@/lib/domain/list-query.ts";
import { searchParamsOf } from "@/lib/domain/scope-params.ts";

type Params = Record<string, string | string[] | undefined>;

// Every SLO of the scope in the URL: counted and ordered from every SLO's headline, with whole cards (without the
// burn charts this table does not draw) read only for the page shown.
export default async function SlosPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  const params = searchParamsOf(await searchParams);
  await gatePage(params.size ? `/slos?${params}` : "/slos");
  const { scope, alert, page, problems } = parseSloListQuery(params);
  const [headlines, options] = await Promise.all([readSloHeadlines(scope), listScopeOptions()]);
  const view = sloList(headlines, alert, page);
  const cards = await readSloCardsByIds(pageSloIds(view));
  return <SloListView scope={scope} problems={problems} options={options} view={withCards(view, cards)} />;
}
