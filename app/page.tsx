import { connection } from "next/server";
import { ClusterStatus } from "@/components/cockpit/cluster-status.tsx";
import { CockpitView } from "@/components/cockpit/cockpit-view.tsx";
import s from "@/components/ui/styles.module.css";
import { gatePage } from "@/lib/auth/gate.ts";
import { canRespond } from "@/lib/auth/rules.ts";
import { getCockpit } from "@/lib/db/queries/get-cockpit.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import type { Cockpit } from "@/lib/views/cockpit.ts";

async function loadCockpit(): Promise<{ data: Cockpit } | { problem: string }> {
  try {
    return { data: await getCockpit(EVERYTHING) };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err) };
  }
}

// Rendered per request from the database, then kept live in the browser by CockpitView.
export default async function CockpitPage() {
  await connection();
  const user = await gatePage("/");
  const loaded = await loadCockpit();
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
        <ClusterStatus initialData={initial} />
      </div>
      <CockpitView initialData={initial} canRespond={canRespond(user.role)} />
    </>
  );
}
