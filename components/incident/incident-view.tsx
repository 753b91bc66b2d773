"use client";

import Link from "next/link";
import type { IncidentDetail } from "@/lib/views/incident.ts";
import { SharePanel } from "../share/share-panel.tsx";
import s from "../ui/styles.module.css";
import { ExplainWithAi } from "./explain-with-ai.tsx";
import { IncidentFactList, IncidentHeading } from "./incident-facts.tsx";
import { LifecycleControls } from "./lifecycle-controls.tsx";
import { ProbableCauses } from "./probable-causes.tsx";
import { TimelinePanel } from "./timeline-panel.tsx";
import { useIncident } from "./use-incident.ts";

// `canRespond`: the signed-in person may change the incident (responders and admins); `aiEnabled`: an
// LLM endpoint is configured to explain it.
export function IncidentView({ initialData, canRespond, aiEnabled = false }: { initialData: IncidentDetail; canRespond: boolean; aiEnabled?: boolean }) {
  const { data, error } = useIncident(initialData);
  const { incident: i, timeline, causes, related } = data;
  return (
    <div className={s.page}>
      <p className={s.back}><Link href="/">← Cockpit</Link></p>
      {error ? <p className={s.notice} role="status">Live updates paused ({error.message}); Uptrust retries shortly.</p> : null}
      <IncidentHeading i={i} />
      <IncidentFactList i={i} />
      <p className={s.back}><Link href={`/incidents/${i.id}/postmortem`}>Postmortem draft →</Link></p>
      {canRespond ? <LifecycleControls key={`${i.status}-${i.severity}-${i.owner ?? ""}`} incident={i} /> : null}
      <SharePanel incidentId={i.id} canCreate={canRespond} />
      <ProbableCauses causes={causes} related={related} />
      {aiEnabled ? <ExplainWithAi incidentId={i.id} /> : null}
      <TimelinePanel timeline={timeline} />
    </div>
  );
}
