"use client";

import { scopeSearch } from "@/lib/domain/scope.ts";
import type { Cockpit } from "@/lib/views/cockpit.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { ScopeOptions } from "@/lib/views/scope-options.ts";
import { CapacityPanel } from "../capacity/capacity-panel.tsx";
import { formatUtc } from "../format.ts";
import { GuardrailsPanel } from "../guardrails/guardrails-panel.tsx";
import { IncidentPanel } from "../incidents/incident-panel.tsx";
import { MttxPanel } from "../mttr/mttx-panel.tsx";
import { RightsizingPanel } from "../rightsizing/rightsizing-panel.tsx";
import { SloPanel } from "../slo/slo-panel.tsx";
import { ScopeBar } from "../scope/scope-bar.tsx";
import s from "../ui/styles.module.css";
import { SummaryStrip } from "./summary-strip.tsx";
import { useCockpit } from "./use-cockpit.ts";

type Props = { initialData: Cockpit; canRespond: boolean; scope: Scope; problems: string[]; options: ScopeOptions };

// The scope comes from the URL as the server read it (with the data rendered for it), so the cached query,
// the controls and the panels always speak of one scope. `canRespond`: the signed-in person may define and
// import SLOs (responders and admins); viewers only look.
export function CockpitView({ initialData, canRespond, scope, problems, options }: Props) {
  const { data, error, dataUpdatedAt } = useCockpit(initialData, scope);
  const search = scopeSearch(scope).toString();
  const listHref = (path: string) => (search ? `${path}?${search}` : path);
  return (
    <div className={s.page}>
      <ScopeBar scope={scope} problems={problems} options={options} remember />
      {error ? (
        <p className={s.notice} role="status">
          Live updates paused ({error.message}); showing data fetched at {formatUtc(new Date(dataUpdatedAt).toISOString())}. Uptrust retries every 5 seconds.
        </p>
      ) : null}
      <SummaryStrip summaries={data.summaries} scope={scope} />
      <div className={s.grid}>
        <SloPanel slos={data.slos} counts={data.sloCounts} allHref={listHref("/slos")} canEdit={canRespond} />
        <IncidentPanel incidents={data.incidents} counts={data.incidentCounts} allHref={listHref("/incidents")} range={scope.range} />
      </div>
      <div className={`${s.grid} ${s.gridFlip}`}>
        <MttxPanel rows={data.mttx} services={data.mttxServices} />
        <RightsizingPanel rows={data.recommendations} totals={data.rightsizingTotals} allHref={listHref("/rightsizing")} />
      </div>
      <div className={s.stack}>
        <GuardrailsPanel view={data.guardrails} />
      </div>
      <div className={s.stack}>
        <CapacityPanel view={data.capacity} />
      </div>
    </div>
  );
}
