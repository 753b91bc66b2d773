import { connection } from "next/server";
import { incidentList } from "@/components/lists/incident-list.ts";
import { IncidentListView } from "@/components/lists/incident-list-view.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { getIncidentsInScope } from "@/lib/db/queries/get-incident-summaries.ts";
import { listScopeOptions } from "@/lib/db/queries/list-scope-options.ts";
import { parseIncidentListQuery } from "@/lib/domain/list-query.ts";
import { searchParamsOf } from "@/lib/domain/scope-params.ts";

type Params = Record<string, string | string[] | undefined>;

// Every incident of the scope in the URL, as a line each; timelines are on each incident's own page.
export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  const params = searchParamsOf(await searchParams);
  await gatePage(params.size ? `/incidents?${params}` : "/incidents");
  const { scope, state, severity, page, problems } = parseIncidentListQuery(params);
  const [incidents, options] = await Promise.all([getIncidentsInScope(scope), listScopeOptions()]);
  return <IncidentListView scope={scope} problems={problems} options={options} view={incidentList(incidents, state, severity, page)} />;
}
