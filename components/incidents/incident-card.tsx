import Link from "next/link";
import type { IncidentSummary } from "@/lib/views/incident.ts";
import { formatDuration, formatHourMinute, formatUtc } from "../format.ts";
import { Badge, severityTone, statusTone } from "../ui/badge.tsx";
import s from "../ui/styles.module.css";
import { Timeline } from "../timeline/timeline-entry.tsx";

export function IncidentCard({ incident, compact = false }: { incident: IncidentSummary; compact?: boolean }) {
  const more = incident.timelineCount - incident.timeline.length;
  return (
    <article className={s.card} data-testid="incident-card" data-active={incident.active} aria-label={`Incident: ${incident.title}`}>
      <div className={s.cardHead}>
        <Link href={`/incidents/${incident.id}`} className={s.cardTitle}>{incident.title}</Link>
        <span style={{ marginLeft: "auto", display: "flex", gap: 4 }}>
          <Badge tone={severityTone(incident.severity)}>{incident.severity}</Badge>
          <Badge tone={statusTone(incident.status)}>{incident.status}</Badge>
        </span>
      </div>
      <div className={`${s.small} ${s.muted} ${s.num}`}>
        {incident.reason}
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
      {incident.timeline.length > 0 && !compact ? <Timeline entries={incident.timeline} /> : null}
      <div className={s.small} style={{ marginTop: 6 }}>
        <Link href={`/incidents/${incident.id}`}>
          {more > 0 ? `Full timeline (${incident.timelineCount} entries) →` : "Open incident →"}
        </Link>
      </div>
    </article>
  );
}
