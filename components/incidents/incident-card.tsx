import Link from "next/link";
import type { CockpitIncident } from "@/lib/views/incident.ts";
import { formatDuration, formatHourMinute, formatUtc } from "../format.ts";
import { Badge, severityTone, statusTone } from "../ui/badge.tsx";
import s from "../ui/styles.module.css";
import { Timeline } from "../timeline/timeline-entry.tsx";

// A card shows the first entries of its timeline; a line (an older resolved incident) carries none, its page a click away.
export function IncidentCard({ incident }: { incident: CockpitIncident }) {
  const timeline = incident.view === "card" ? incident.timeline : [];
  const more = incident.timelineCount - timeline.length;
  return (
    <article className={s.card} data-testid="incident-card" data-active={incident.active} data-view={incident.view} aria-label={`Incident: ${incident.title}`}>
      <div className={s.cardHead}>
        <Link href={`/incidents/${incident.id}`} className={s.cardTitle}>{incident.title}</Link>
        <span style={{ marginLeft: "auto", display: "flex", gap: 4 }}>
          <Badge tone={severityTone(incident.severity)}>{incident.severity}</Badge>
          <Badge tone={statusTone(incident.status)}>{incident.status}</Badge>
        </span>
      </div>
      <div className={`${s.small} ${s.muted} ${s.num}`}>
        <span data-testid="incident-cluster">{incident.cluster}</span>
        {` · ${incident.reason}`}
        {incident.occurrences.count > 1 ? (
          <span data-testid="occurrences">
            {` ×${incident.occurrences.count} · first ${formatHourMinute(incident.occurrences.firstAt)} · last ${formatHourMinute(incident.occurrences.lastAt)}`}
          </span>
        ) : null}
        {incident.workload ? ` · ${incident.workload.namespace}/${incident.workload.name}` : ""}
        {` · started ${formatUtc(incident.startedAt)} · `}
        {incident.active ? `open for ${formatDuration(incident.durationSeconds)}` : `resolved in ${formatDuration(incident.durationSeconds)}`}
      </div>
      {incident.likelyCause ? <p className={s.small} style={{ margin: "6px 0" }} data-testid="likely-cause"><span className={s.muted}>Likely cause:</span> {incident.likelyCause}</p> : null}
      {timeline.length > 0 ? <Timeline entries={timeline} /> : null}
      <div className={s.small} style={{ marginTop: 6 }}>
        <Link href={`/incidents/${incident.id}`}>
          {more > 0 ? `Full timeline (${incident.timelineCount} entries) →` : "Open incident →"}
        </Link>
      </div>
    </article>
  );
}
