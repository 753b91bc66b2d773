import type { TimeRange } from "@/lib/views/scope.ts";
import { formatDuration } from "./format-duration.ts";
import { SEVERITIES } from "./incident-lifecycle.ts";

// Incidents as an SRE reads a list of them: what needs someone now, then what just happened. The cockpit's
// panel and /incidents order, count and filter by these functions, so their counts are one figure.

export const INCIDENT_STATES = ["open", "resolved"] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

type Ordered = { id: string; active: boolean; severity: string; startedAt: string };

export const incidentState = ({ active }: Pick<Ordered, "active">): IncidentState => (active ? "open" : "resolved");

// The lifecycle's severities in order (sev1 first); one it does not name sorts after them, by name.
const rank = (severity: string) => {
  const i = (SEVERITIES as readonly string[]).indexOf(severity);
  return i < 0 ? SEVERITIES.length : i;
};

/**
 * Open first, most severe first, then open longest (the earliest start); then resolved, the newest start first.
 * ISO start times of one format compare as strings; the id breaks ties so a page never reshuffles.
 */
export function byUrgency(a: Ordered, b: Ordered): number {
  if (a.active !== b.active) return a.active ? -1 : 1;
  const started = a.active ? a.startedAt.localeCompare(b.startedAt) : b.startedAt.localeCompare(a.startedAt);
  return (a.active ? rank(a.severity) - rank(b.severity) || a.severity.localeCompare(b.severity) : 0) || started || a.id.localeCompare(b.id);
}

export type IncidentCounts = Record<IncidentState, number>;

export function incidentCounts(incidents: readonly Pick<Ordered, "active">[]): IncidentCounts {
  const counts: IncidentCounts = { open: 0, resolved: 0 };
  for (const i of incidents) counts[incidentState(i)]++;
  return counts;
}

export type SeverityCount = { severity: string; count: number };

/** How many of `incidents` have each severity, in the lifecycle's order, then any other severity; none left out but zeros. */
export function severityCounts(incidents: readonly Pick<Ordered, "severity">[]): SeverityCount[] {
  const counts = new Map<string, number>();
  for (const i of incidents) counts.set(i.severity, (counts.get(i.severity) ?? 0) + 1);
  return [...counts].map(([severity, count]) => ({ severity, count })).sort((a, b) => rank(a.severity) - rank(b.severity) || a.severity.localeCompare(b.severity));
}

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** With no time range, the incident lists hold every open incident and those that started or ended in these last days. */
export const RECENT_INCIDENT_DAYS = 7;

/**
 * Which incidents the counts speak of, in the words of a panel heading: with no time range, the open ones and those of
 * the last RECENT_INCIDENT_DAYS days; with one, those going on at some point of it (get-incident-summaries.ts reads them so).
 */
export function incidentWindowText(range: TimeRange): string {
  if (range.kind === "default") return `in the last ${RECENT_INCIDENT_DAYS} days`;
  if (range.kind === "last") return `going on in the last ${formatDuration(range.minutes * 60)}`;
  return `going on between ${utc(range.from)} and ${utc(range.to)}`;
}
