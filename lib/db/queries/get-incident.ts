import { prisma } from "@/lib/db/client.ts";
import { nextStatuses } from "@/lib/domain/incident-lifecycle.ts";
import type { IncidentDetail } from "@/lib/views/incident.ts";
import { clusterNow, getClusterChips } from "./get-cluster-chips.ts";
import { incidentInclude, toIncidentSummary } from "./get-incident-summaries.ts";
import { getRelatedIncidents } from "./get-related-incidents.ts";
import { toCauseItems } from "./map-causes.ts";
import { isoOrNull } from "./map-rows.ts";
import { toTimelineItem } from "@/lib/domain/timeline-entry.ts";

// One incident with its whole timeline, oldest first; null when no such incident exists.
export async function getIncident(id: string, now: Date = new Date()): Promise<IncidentDetail | null> {
  const row = await prisma().incident.findUnique({
    where: { id },
    include: { ...incidentInclude, timeline: { orderBy: { ts: "asc" } } },
  });
  if (!row) return null;
  const [clusters, related] = await Promise.all([getClusterChips(), getRelatedIncidents(id)]);
  const asOf = clusterNow(clusters, now);
  const summary = toIncidentSummary(row, asOf);
  return {
    asOf: asOf.toISOString(),
    incident: {
      ...summary,
      summary: row.summary,
      acknowledgedAt: isoOrNull(row.acknowledgedAt),
      mitigatedAt: isoOrNull(row.mitigatedAt),
      owner: row.owner,
      severitySource: row.severitySource,
      nextStatuses: [...nextStatuses(row.status)],
    },
    causes: toCauseItems(row.causes),
    related,
    timeline: row.timeline.map(toTimelineItem),
  };
}
