"use client";

import type { Cockpit } from "@/lib/views/cockpit.ts";
import { CapacityPanel } from "../capacity/capacity-panel.tsx";
import { formatUtc } from "../format.ts";
import { GuardrailsPanel } from "../guardrails/guardrails-panel.tsx";
import { IncidentPanel } from "../incidents/incident-panel.tsx";
import { MttxPanel } from "../mttr/mttx-panel.tsx";
import { RightsizingPanel } from "../rightsizing/rightsizing-panel.tsx";
import { SloPanel } from "../slo/slo-panel.tsx";
import s from "../ui/styles.module.css";
import { useCockpit } from "./use-cockpit.ts";

// `canRespond`: the signed-in person may define and import SLOs (responders and admins); viewers only look.
export function CockpitView({ initialData, canRespond }: { initialData: Cockpit; canRespond: boolean }) {
  const { data, error, dataUpdatedAt } = useCockpit(initialData);
  return (
    <div className={s.page}>
      {error ? (
        <p className={s.notice} role="status">
          Live updates paused ({error.message}); showing data fetched at {formatUtc(new Date(dataUpdatedAt).toISOString())}. Uptrust retries every 5 seconds.
        </p>
      ) : null}
      <div className={s.grid}>
        <SloPanel slos={data.slos} canEdit={canRespond} />
        <IncidentPanel incidents={data.incidents} />
      </div>
      <div className={`${s.grid} ${s.gridFlip}`}>
        <MttxPanel rows={data.mttx} />
        <RightsizingPanel rows={data.recommendations} />
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
