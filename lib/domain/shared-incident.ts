import type { IncidentHeadline } from "./incident-headline.ts";
import { budgetSpentFraction, type BudgetSpent } from "./postmortem.ts";
import type { TimelineItem } from "./timeline-entry.ts";

// What a share link shows: one incident, read-only. "internal" is the incident as a viewer sees it on
// its page; "external" is that view with names, addresses, log excerpts and registries taken out
// (lib/domain/share-redaction.ts). Neither carries ids or links into the cockpit, nor what a responder
// could do next.

export const SHARE_VIEWS = ["internal", "external"] as const;
export type ShareView = (typeof SHARE_VIEWS)[number];

/** A probable cause with the facts it rests on, as the incident page shows it. */
export type CauseItem = { kind: string; title: string; score: number; evidence: { source: string; ts: string | null; text: string }[] };

/** What a share is made from: the incident page's data (IncidentDetail fits), of which it takes only these. */
export type IncidentFacts = {
  asOf: string;
  incident: SharedIncident["incident"];
  causes: CauseItem[];
  timeline: TimelineItem[];
};

/** One SLO's error budget and the share of it the incident spent (null: the window allows no bad events). */
export type SharedBudget = { slo: string; window: string; spent: number | null; badEvents: number };

export type SharedIncident = {
  view: ShareView;
  asOf: string;
  incident: IncidentHeadline & {
    summary: string;
    likelyCause: string | null;
    owner: string | null;
    startedAt: string;
    detectedAt: string;
    acknowledgedAt: string | null;
    mitigatedAt: string | null;
    resolvedAt: string | null;
    durationSeconds: number;
    occurrences: { count: number; firstAt: string; lastAt: string };
  };
  causes: CauseItem[];
  /** The error budgets of the workload's SLOs and what the incident cost each. */
  impact: SharedBudget[];
  timeline: TimelineItem[];
};

const EMAIL_ONLY = /^\s*([^@\s]+)@[^@\s]+\s*$/;

// A person is named on the timeline by the name they signed in with; one who had none is recorded by
// e-mail address, which a share shows as its local part ("ana@example.com" → "ana").
export function displayName(author: string | null): string | null {
  if (author === null) return null;
  return EMAIL_ONLY.exec(author)?.[1] ?? author;
}

function withoutAuthorEmail(entry: TimelineItem): TimelineItem {
  if (entry.kind !== "note" && entry.kind !== "status-update" && entry.kind !== "lifecycle") return entry;
  return { ...entry, detail: { ...entry.detail, author: displayName(entry.detail.author) } };
}

/** The internal view: the incident page's facts without ids, related incidents or respond controls. */
export function toSharedIncident(detail: IncidentFacts, budgets: readonly BudgetSpent[]): SharedIncident {
  const i = detail.incident;
  return {
    view: "internal",
    asOf: detail.asOf,
    incident: {
      title: i.title,
      reason: i.reason,
      severity: i.severity,
      status: i.status,
      active: i.active,
      cluster: i.cluster,
      workload: i.workload,
      summary: i.summary,
      likelyCause: i.likelyCause,
      owner: displayName(i.owner),
      startedAt: i.startedAt,
      detectedAt: i.detectedAt,
      acknowledgedAt: i.acknowledgedAt,
      mitigatedAt: i.mitigatedAt,
      resolvedAt: i.resolvedAt,
      durationSeconds: i.durationSeconds,
      occurrences: i.occurrences,
    },
    causes: detail.causes,
    impact: budgets.map((b) => ({ slo: b.slo, window: b.window, spent: budgetSpentFraction(b), badEvents: b.badEvents })),
    timeline: detail.timeline.map(withoutAuthorEmail),
  };
}
