import { connection } from "next/server";
import { SloListView } from "@/components/lists/slo-list-view.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { getSloCards } from "@/lib/db/queries/get-slo-cards.ts";
import { listScopeOptions } from "@/lib/db/queries/list-scope-options.ts";
import { sloCounts } from "@/lib/domain/cluster-summary.ts";
import { listPage } from "@/lib/domain/list-page.ts";
import { parseSloListQuery } from "@/lib/domain/list-query.ts";
import { searchParamsOf } from "@/lib/domain/scope-params.ts";
import { sloState } from "@/lib/domain/slo-order.ts";

type Params = Record<string, string | string[] | undefined>;

// Every SLO of the scope in the URL. The counts per state are over the whole scope, whichever state is
// chosen; the cards come without their burn charts, which this table does not draw.
export default async function SlosPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  const params = searchParamsOf(await searchParams);
  await gatePage(params.size ? `/slos?${params}` : "/slos");
  const { scope, alert, page, problems } = parseSloListQuery(params);
  const [slos, options] = await Promise.all([getSloCards(scope, null, { burn: false }), listScopeOptions()]);
  const shown = alert ? slos.filter((slo) => sloState(slo) === alert) : slos;
  return (
    <SloListView scope={scope} problems={problems} options={options} counts={sloCounts(slos)} alert={alert} list={listPage(shown, page)} />
  );
}
