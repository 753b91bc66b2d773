import { connection } from "next/server";
import { sloList } from "@/components/lists/slo-list.ts";
import { SloListView } from "@/components/lists/slo-list-view.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { readSloCards } from "@/lib/db/queries/get-slo-cards.ts";
import { listScopeOptions } from "@/lib/db/queries/list-scope-options.ts";
import { parseSloListQuery } from "@/lib/domain/list-query.ts";
import { searchParamsOf } from "@/lib/domain/scope-params.ts";

type Params = Record<string, string | string[] | undefined>;

// Every SLO of the scope in the URL, read without the burn charts this table does not draw.
export default async function SlosPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  const params = searchParamsOf(await searchParams);
  await gatePage(params.size ? `/slos?${params}` : "/slos");
  const { scope, alert, page, problems } = parseSloListQuery(params);
  const [slos, options] = await Promise.all([readSloCards(scope), listScopeOptions()]);
  return <SloListView scope={scope} problems={problems} options={options} view={sloList(slos, alert, page)} />;
}
