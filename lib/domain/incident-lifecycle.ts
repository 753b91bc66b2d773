// The incident lifecycle people drive (REFERENCE: PagerDuty, incident.io, Rootly):
// triage → investigating → mitigated → resolved → closed, or cancelled when it was never an outage.
// Pure: every decision takes the stored state and the cluster's clock and says what to write, or why not.

export const INCIDENT_STATUSES = ["triage", "investigating", "mitigated", "resolved", "closed", "cancelled"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const SEVERITIES = ["sev1", "sev2", "sev3", "sev4"] as const;
export type Severity = (typeof SEVERITIES)[number];

// Going back is allowed where real incidents go back: a mitigation that does not hold returns to
// investigating, and a resolved incident that recurs is reopened. Closed (postmortem done) and
// cancelled (never an outage) are final; a recurrence after them is a new incident.
const NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  triage: ["investigating", "mitigated", "resolved", "cancelled"],
  investigating: ["mitigated", "resolved", "cancelled"],
  mitigated: ["investigating", "resolved"],
  resolved: ["investigating", "closed"],
  closed: [],
  cancelled: [],
};

export function nextStatuses(status: IncidentStatus): readonly IncidentStatus[] {
  return NEXT[status];
}

export type LifecycleTimes = {
  startedAt: number;
  acknowledgedAt: number | null;
  mitigatedAt: number | null;
  resolvedAt: number | null;
};

export type LifecycleState = LifecycleTimes & { status: IncidentStatus; severity: string; owner: string | null };

export type TimesPatch = Partial<Pick<LifecycleTimes, "acknowledgedAt" | "mitigatedAt" | "resolvedAt">>;

export type Decision<T> = { ok: true; value: T } | { ok: false; conflict: boolean; error: string };

const fail = <T>(error: string, conflict = false): Decision<T> => ({ ok: false, conflict, error });
const utc = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

// Timestamps tell the story MTTA and MTTR are computed from, so they must be in order:
// started ≤ acknowledged ≤ mitigated ≤ resolved (each where set), and none after the cluster's "now"
// (times are cluster times; a later one would be a typo or a skewed browser clock).
export function timestampProblems(t: LifecycleTimes, clusterNow: number): string[] {
  const named = [
    ["acknowledged", t.acknowledgedAt],
    ["mitigated", t.mitigatedAt],
    ["resolved", t.resolvedAt],
  ] as const;
  const problems: string[] = [];
  let previous: Stamp = { name: "started", at: t.startedAt };
  for (const [name, at] of named) {
    if (at === null) continue;
    problems.push(...stampProblems({ name, at }, previous, clusterNow));
    previous = { name, at: Math.max(at, previous.at) };
  }
  return problems;
}

type Stamp = { name: string; at: number };

function stampProblems(stamp: Stamp, notBefore: Stamp, clusterNow: number): string[] {
  const problems: string[] = [];
  if (stamp.at > clusterNow) {
    problems.push(`${stamp.name} time ${utc(stamp.at)} is after the cluster's current time ${utc(clusterNow)}; use ${utc(clusterNow)} or earlier`);
  }
  if (stamp.at < notBefore.at) {
    problems.push(`${stamp.name} time ${utc(stamp.at)} is before ${notBefore.name} (${utc(notBefore.at)}); set it to ${utc(notBefore.at)} or later`);
  }
  return problems;
}

function checked(state: LifecycleState, patch: TimesPatch, clusterNow: number): Decision<TimesPatch> {
  const problems = timestampProblems({ ...state, ...patch }, clusterNow);
  return problems.length ? fail(problems.join("; ")) : { ok: true, value: patch };
}

// What moving to `to` at `at` writes. Any move by a person that keeps the incident alive (everything
// but closing or cancelling) acknowledges it if nobody had; mitigated and resolved stamp their time;
// going back to investigating clears the times that no longer hold.
export function planTransition(state: LifecycleState, to: IncidentStatus, at: number, clusterNow: number): Decision<TimesPatch> {
  if (to === state.status) return fail(`The incident is already ${to}`, true);
  if (!NEXT[state.status].includes(to)) {
    const allowed = NEXT[state.status];
    const options = allowed.length ? `it can move to ${allowed.join(", ")}` : `${state.status} is final`;
    return fail(`An incident cannot go from ${state.status} to ${to}: ${options}`, true);
  }
  if (to === "closed" || to === "cancelled") {
    // They stamp no lifecycle time, but their timeline entry must still sit inside the incident.
    const problems = stampProblems({ name: to, at }, { name: "started", at: state.startedAt }, clusterNow);
    return problems.length ? fail(problems.join("; ")) : { ok: true, value: {} };
  }
  const patch: TimesPatch = {};
  if (state.acknowledgedAt === null) patch.acknowledgedAt = at;
  if (to === "mitigated") patch.mitigatedAt = at;
  if (to === "resolved") patch.resolvedAt = at;
  if (to === "investigating" && state.mitigatedAt !== null) patch.mitigatedAt = null;
  if (to === "investigating" && state.resolvedAt !== null) patch.resolvedAt = null;
  return checked(state, patch, clusterNow);
}

const ACKNOWLEDGEABLE: readonly IncidentStatus[] = ["triage", "investigating", "mitigated"];

// An explicit "I'm on it" without changing status; only once, and only while the incident is open.
export function planAcknowledge(state: LifecycleState, at: number, clusterNow: number): Decision<TimesPatch> {
  if (state.acknowledgedAt !== null) return fail(`The incident was already acknowledged at ${utc(state.acknowledgedAt)}`, true);
  if (!ACKNOWLEDGEABLE.includes(state.status)) return fail(`A ${state.status} incident cannot be acknowledged`, true);
  return checked(state, { acknowledgedAt: at }, clusterNow);
}

export type ResponseOptions = { acknowledge: boolean; transitions: readonly IncidentStatus[] };

// What the respond controls offer for the incident as it stands: exactly the moves planAcknowledge and
// planTransition accept, so a responder is never shown a button the server would refuse.
export function responseOptions(state: Pick<LifecycleState, "status" | "acknowledgedAt">): ResponseOptions {
  return { acknowledge: state.acknowledgedAt === null && ACKNOWLEDGEABLE.includes(state.status), transitions: NEXT[state.status] };
}

// Public status wording for status updates (Statuspage / incident.io): what readers outside the team see.
export const PUBLIC_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

// The wording a status update starts from: a mitigated incident is being watched, not yet over.
export function suggestedPublicStatus(status: IncidentStatus): PublicStatus {
  if (status === "mitigated") return "monitoring";
  if (status === "resolved" || status === "closed" || status === "cancelled") return "resolved";
  return "investigating";
}

// A team or person handle as on-call tools write them: "@ana", "payments-oncall", "team/checkout".
export const OWNER_PATTERN = /^@?[A-Za-z0-9][A-Za-z0-9._/-]*$/;
export const OWNER_MAX = 64;

export function ownerProblem(owner: string): string | null {
  if (owner.length > OWNER_MAX) return `Owner is ${owner.length} characters; use at most ${OWNER_MAX}`;
  if (!OWNER_PATTERN.test(owner)) {
    return "Owner must be one team or person handle: letters, digits, . _ - / and an optional leading @ (e.g. @ana or payments-oncall)";
  }
  return null;
}
