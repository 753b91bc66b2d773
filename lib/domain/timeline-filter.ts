import type { TimelineKind } from "./timeline-entry.ts";

// A responder narrows the incident timeline to what they are asking about ("what changed?" → changes;
// "what did the pods say?" → logs). The filter's groups are the timeline's kinds as people name them;
// the three kinds a person writes (lifecycle moves, notes, status updates) are one group, "response".

export const TIMELINE_GROUPS = ["changes", "guardrails", "occurrences", "slo", "replicas", "events", "logs", "response", "other"] as const;
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number];

export const GROUP_LABEL: Record<TimelineGroup, string> = {
  changes: "changes", guardrails: "guardrails", occurrences: "occurrences", slo: "alerts", replicas: "replicas",
  events: "events", logs: "logs", response: "response", other: "other",
};

const GROUP_OF: Record<TimelineKind, TimelineGroup> = {
  change: "changes", guardrail: "guardrails", occurrence: "occurrences", slo: "slo", alert: "slo", status: "replicas", event: "events", log: "logs",
  lifecycle: "response", note: "response", "status-update": "response", other: "other",
};

export function groupOf(kind: TimelineKind): TimelineGroup {
  return GROUP_OF[kind];
}

/** Entries per group, in the filter's order, for the groups the timeline has at all. */
export function groupCounts(entries: readonly { kind: TimelineKind }[]): { group: TimelineGroup; count: number }[] {
  const counts = new Map<TimelineGroup, number>();
  for (const e of entries) counts.set(groupOf(e.kind), (counts.get(groupOf(e.kind)) ?? 0) + 1);
  return TIMELINE_GROUPS.filter((g) => counts.has(g)).map((group) => ({ group, count: counts.get(group) ?? 0 }));
}

/** The URL's key: `?show=changes&show=logs`; none means every group. */
export const SHOW_PARAM = "show";

/** The groups a URL asks for (empty: all), and a sentence for each value that names no group. */
export function parseShownGroups(values: readonly string[]): { groups: TimelineGroup[]; problems: string[] } {
  const groups: TimelineGroup[] = [];
  const problems: string[] = [];
  for (const value of values) {
    const group = TIMELINE_GROUPS.find((g) => g === value);
    if (group) {
      if (!groups.includes(group)) groups.push(group);
    } else {
      problems.push(`"${value}" is not a kind of timeline entry; use ${TIMELINE_GROUPS.join(", ")}`);
    }
  }
  return { groups: TIMELINE_GROUPS.filter((g) => groups.includes(g)), problems };
}

/** Whether an entry of this kind shows under the chosen groups (none chosen: everything shows). */
export function isShown(kind: TimelineKind, groups: readonly TimelineGroup[]): boolean {
  return groups.length === 0 || groups.includes(groupOf(kind));
}

/** The groups after a responder ticks or unticks one; ticking the last unticked one means "all" again. */
export function toggleGroup(groups: readonly TimelineGroup[], group: TimelineGroup, present: readonly TimelineGroup[]): TimelineGroup[] {
  const next = groups.includes(group) ? groups.filter((g) => g !== group) : [...groups, group];
  const sorted = TIMELINE_GROUPS.filter((g) => next.includes(g));
  return present.every((g) => sorted.includes(g)) ? [] : sorted;
}
