// Incidents as the cockpit and the incident page show them (dates as ISO strings).

import type { IncidentHeadline } from "@/lib/domain/incident-headline.ts";
import type { IncidentStatus } from "@/lib/domain/incident-lifecycle.ts";
import type { TimelineItem } from "@/lib/domain/timeline-entry.ts";

// The timeline entry is shared with the analyzer that writes it: a union tagged by kind.
export type { TimelineItem };

/** An incident as a list names it (/incidents, the cockpit's one-line cards): everything but its timeline entries. */
export type IncidentListItem = IncidentHeadline & {
  id: string;
  startedAt: string;
  detectedAt: string;
  resolvedAt: string | null;
  // Resolved: time to resolve. Active: time so far, measured on the cluster's clock.
  durationSeconds: number;
  /** The most likely cause in one sentence, when one stands out. */
  likelyCause: string | null;
  /** The same trouble recurring is one incident: how often it occurred, the first and latest start. */
  occurrences: { count: number; firstAt: string; lastAt: string };
  timelineCount: number;
};

/** An incident with its first timeline entries (`timelineCount` counts them all). */
export type IncidentSummary = IncidentListItem & { timeline: TimelineItem[] };

/**
 * An incident on the cockpit: a card with its first timeline entries (open ones, the newest resolved), or a
 * line (older resolved ones) that carries none, so the home page's JSON stays small.
 */
export type CockpitIncident<T extends IncidentListItem = IncidentSummary> = ({ view: "card" } & T) | ({ view: "line" } & IncidentListItem);

export type CauseEvidenceItem = { source: string; ts: string | null; text: string };

export type ProbableCauseItem = { kind: string; title: string; score: number; evidence: CauseEvidenceItem[] };

export type IncidentDetail = {
  asOf: string;
  incident: IncidentSummary & {
    summary: string;
    acknowledgedAt: string | null;
    mitigatedAt: string | null;
    owner: string | null;
    /** detector | person: who chose the severity. */
    severitySource: string;
    /** The statuses a responder may move it to now (lib/domain/incident-lifecycle.ts). */
    nextStatuses: IncidentStatus[];
  };
  /** Most likely first (lib/domain/causes), each with the facts that support it. */
  causes: ProbableCauseItem[];
  /** Other workloads' incidents with the same most likely cause, begun within half an hour. */
  related: { id: string; title: string; workload: string | null; startedAt: string; cause: string }[];
  timeline: TimelineItem[];
};
