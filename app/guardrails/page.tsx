import { redirect } from "next/navigation";
import { connection } from "next/server";
import { GuardrailFindingsView } from "@/components/guardrails/guardrail-findings-view.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { getGuardrailFindings } from "@/lib/db/queries/get-guardrail-findings.ts";
import { parseGuardrailFilter } from "@/lib/domain/guardrail-filter.ts";
import { searchOf } from "@/lib/domain/search-params.ts";

type Params = Record<string, string | string[] | undefined>;

export default async function GuardrailsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  await gatePage("/guardrails");
  const search = new URLSearchParams(searchOf(await searchParams));
  // The filter form sends every field, "all" as an empty value: the URL keeps only the filters chosen.
  const chosen = new URLSearchParams([...search].filter(([, v]) => v !== ""));
  if (chosen.size < search.size) redirect(`/guardrails${chosen.size ? `?${chosen}` : ""}`);
  const { filter, problems } = parseGuardrailFilter(search);
  const view = await getGuardrailFindings(filter);
  return (
    <>
      <GuardrailFindingsView view={view} filter={filter} problems={problems} />
    </>
  );
}
