// Incidents as the cockpit and the incident page show them (dates as ISO strings).

import type { IncidentHeadline } from "@/lib/domain/incident-headline.ts";
import type { IncidentStatus } from "@/lib/domain/incident-lifecycle.ts";
import type { TimelineItem } from "@/lib/domain/timeline-entry.ts";

// The timeline entry is shared with the analyzer that writes it: a union tagged by kind.
export type { TimelineItem };

export type IncidentSummary = IncidentHeadline & {
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
  timeline: TimelineItem[];
  timelineCount: number;
};

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
