import { SEVERITIES, type IncidentStatus } from "../incident-lifecycle.ts";

// What the notifier tells people: a change in an incident or an SLO since the last message about it.
// Comparing with the last *notified* state (not the previous cycle's) means a restart, a missed cycle or a
// second worker can never invent or lose a transition: the stored state is the one truth both compare with.

export type TransitionKind = "opened" | "escalated" | "acknowledged" | "resolved" | "slo-paging" | "slo-recovered";

const OPEN: readonly IncidentStatus[] = ["triage", "investigating", "mitigated"];
export const isOpen = (status: string) => (OPEN as readonly string[]).includes(status);

/** An incident as stored now, or as it was last notified. */
export type IncidentNotice = { status: string; severity: string; acknowledged: boolean };
/** An SLO's paging state as stored now, or as it was last notified; told false: its page was left to an incident. */
export type SloNotice = { paging: boolean; told?: boolean };

/** The state written after notifying, with a count of transitions told so far (it numbers the next one). */
export type Notified<T> = T & { seq: number };

export type Transition = { kind: TransitionKind; seq: number };
export type Outcome<T> = { transitions: Transition[]; next: Notified<T> | null };

// sev1 is the most severe: a lower index is higher severity.
const rank = (severity: string) => {
  const i = (SEVERITIES as readonly string[]).indexOf(severity);
  return i < 0 ? SEVERITIES.length : i;
};

const numbered = (kinds: TransitionKind[], from: number): Transition[] => kinds.map((kind, i) => ({ kind, seq: from + i + 1 }));

/**
 * What to tell about an incident, given how it stands and how it was last told (null: never).
 * Never told and already over: nothing (Uptrust does not page for history). Reopened after a resolve: opened again.
 * Severity falling is not news for a pager; rising is an escalation.
 */
export function incidentTransitions(now: IncidentNotice, last: Notified<IncidentNotice> | null): Outcome<IncidentNotice> {
  const seq = last?.seq ?? 0;
  const kinds: TransitionKind[] = [];
  const wasOpen = last !== null && isOpen(last.status);
  if (isOpen(now.status)) {
    if (!wasOpen) kinds.push("opened");
    else if (rank(now.severity) < rank(last.severity)) kinds.push("escalated");
    if (now.acknowledged && (!wasOpen || !last.acknowledged)) kinds.push("acknowledged");
  } else if (wasOpen) {
    kinds.push("resolved");
  }
  if (kinds.length === 0 && (last === null || sameNotice(now, last))) return { transitions: [], next: null };
  return { transitions: numbered(kinds, seq), next: { ...now, seq: seq + kinds.length } };
}

const sameNotice = (a: IncidentNotice, b: IncidentNotice) => a.status === b.status && a.severity === b.severity && a.acknowledged === b.acknowledged;

/** What to tell about an SLO: it started paging, or it stopped. An SLO never told and not paging: nothing. */
export function sloTransitions(now: SloNotice, last: Notified<SloNotice> | null): Outcome<SloNotice> {
  const seq = last?.seq ?? 0;
  const was = last?.paging ?? false;
  if (now.paging === was) return { transitions: [], next: null };
  const kind: TransitionKind = now.paging ? "slo-paging" : "slo-recovered";
  return { transitions: numbered([kind], seq), next: { ...now, seq: seq + 1 } };
}
