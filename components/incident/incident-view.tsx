"use client";

import Link from "next/link";
import type { IncidentDetail } from "@/lib/views/incident.ts";
import { SharePanel } from "../share/share-panel.tsx";
import { useTimelineFilter } from "../timeline/use-timeline-filter.ts";
import { formatClock } from "../format.ts";
import s from "../ui/styles.module.css";
import { ExplainWithAi } from "./explain-with-ai.tsx";
import { IncidentFactList, IncidentHeading } from "./incident-facts.tsx";
import l from "./incident-layout.module.css";
import { LifecycleControls } from "./lifecycle-controls.tsx";
import { ProbableCauses } from "./probable-causes.tsx";
import { TimelinePanel } from "./timeline-panel.tsx";
import { useIncident } from "./use-incident.ts";

// `canRespond`: the signed-in person may change the incident (responders and admins); `aiEnabled`: an
// LLM endpoint is configured to explain it. At desk width the facts and the controls sit beside the
// evidence (causes, then the timeline), so acting never means scrolling away from what happened.
export function IncidentView({ initialData, canRespond, aiEnabled = false }: { initialData: IncidentDetail; canRespond: boolean; aiEnabled?: boolean }) {
  const { data, error } = useIncident(initialData);
  const filter = useTimelineFilter();
  const { incident: i, timeline, causes, related } = data;
  return (
    <div className={s.page}>
      <p className={s.back}><Link href="/">← Cockpit</Link></p>
      {error ? (
        <p className={s.notice} role="status">
          Live updates paused ({error.message}); showing the incident as of {formatClock(data.asOf)} UTC. Uptrust retries shortly.
        </p>
      ) : null}
      <IncidentHeading i={i} />
      <div className={l.layout}>
        <div className={l.side}>
          <section className={`${s.panel} ${l.facts}`} aria-label="Incident facts">
            <IncidentFactList i={i} linkService />
            <p className={s.back} style={{ margin: 0 }}><Link href={`/incidents/${i.id}/postmortem`}>Postmortem draft →</Link></p>
          </section>
          {canRespond ? <LifecycleControls key={`${i.status}-${i.severity}-${i.owner ?? ""}`} incident={i} asOf={data.asOf} /> : null}
          <SharePanel incidentId={i.id} canCreate={canRespond} />
        </div>
        <div className={l.main}>
          <ProbableCauses causes={causes} related={related} />
          {aiEnabled ? <ExplainWithAi incidentId={i.id} /> : null}
          <TimelinePanel timeline={timeline} filter={filter} />
        </div>
      </div>
    </div>
  );
}
