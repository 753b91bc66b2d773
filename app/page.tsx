import { connection } from "next/server";
import { redirect } from "next/navigation";
import { ClusterStatus } from "@/components/cockpit/cluster-status.tsx";
import { CockpitView } from "@/components/cockpit/cockpit-view.tsx";
import s from "@/components/ui/styles.module.css";
import { gatePage } from "@/lib/auth/gate.ts";
import { canRespond } from "@/lib/auth/rules.ts";
import { readSavedScope } from "@/lib/db/preferences/read-saved-scope.ts";
import { getCockpit } from "@/lib/db/queries/get-cockpit.ts";
import { listScopeOptions } from "@/lib/db/queries/list-scope-options.ts";
import { hasScopeKeys, searchParamsOf } from "@/lib/domain/scope-params.ts";
import { parseScope } from "@/lib/domain/scope.ts";
import type { Cockpit } from "@/lib/views/cockpit.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { ScopeOptions } from "@/lib/views/scope-options.ts";

type Loaded = { data: Cockpit; options: ScopeOptions } | { problem: string };

async function loadCockpit(scope: Scope): Promise<Loaded> {
  try {
    const [data, options] = await Promise.all([getCockpit(scope), listScopeOptions()]);
    return { data, options };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err) };
  }
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Rendered per request from the database for the scope in the URL, then kept live in the browser by
// CockpitView. Opened with no scope in the URL, the page goes to the scope this person chose last.
export default async function CockpitPage({ searchParams }: PageProps) {
  await connection();
  const params = searchParamsOf(await searchParams);
  // Signing in first brings the person back to the scope the link named.
  const user = await gatePage(hasScopeKeys(params) ? `/?${params}` : "/");
  if (!hasScopeKeys(params)) {
    const saved = await readSavedScope(user.id).catch(() => "");
    if (saved) redirect(`/?${saved}`);
  }
  const { scope, problems } = parseScope(params);
  const loaded = await loadCockpit(scope);
  if ("problem" in loaded) {
    return (
      <div className={s.page}>
        <h1>Cockpit</h1>
        <p className={s.notice} role="alert">
          Uptrust cannot read its database right now ({loaded.problem}). Reload once it is back; /api/health shows its state.
        </p>
      </div>
    );
  }
  const initial = loaded.data;
  return (
    <>
      <div className={s.titleBar}>
        <h1>Cockpit</h1>
        <span className={s.tagline}>what changed, and what is it costing us?</span>
        <ClusterStatus initialData={initial} scope={scope} />
      </div>
      <CockpitView initialData={initial} canRespond={canRespond(user.role)} scope={scope} problems={problems} options={loaded.options} />
    </>
  );
}
