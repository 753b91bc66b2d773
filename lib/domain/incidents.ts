import { HOUR_MS, MINUTE_MS } from "./slo.ts";
import { parseWorkloadKey, REASON_PRIORITY, type IncidentReason, type Signal, type SignalSource } from "./incident-signals.ts";

/** One stretch of trouble: signals chained by the quiet period (see groupIncidents). */
export type Occurrence = {
  reason: IncidentReason;
  startedAt: number;
  /**
   * The cluster time Uptrust's rules could first see it: the earliest moment a signal of it was visible
   * (a crash, a kill, a failed pull as it happened; a page as it fired), or, for missing replicas alone,
   * once they had been missing minUnavailableMs. Never the time an analysis cycle happened to run.
   */
  detectedAt: number;
  lastSignalAt: number;
  resolvedAt: number | null;
  severity: "sev2" | "sev3";
  worst: { available: number; desired: number } | null;
  signalCounts: Partial<Record<SignalSource, number>>;
  details: string[];
};

// An incident is its occurrences taken together: it started with the first, was detected when the first
// was, and is resolved when the last one recovered (null while the last one lasts).
export type DetectedIncident = Occurrence & { workload: string; occurrences: Occurrence[] };

export type GroupOptions = { quietMs?: number; minUnavailableMs?: number; recurrenceMs?: number };

export const DEFAULT_QUIET_MS = 5 * MINUTE_MS;
export const DEFAULT_MIN_UNAVAILABLE_MS = 5 * MINUTE_MS;
// A container killed for memory is restarted and killed again for as long as its leak or its limit stay
// as they are: a recurrence within 6 hours of the last occurrence's end is the same trouble, told as one
// incident with its occurrences rather than a card per kill. Six hours spans a leak that takes hours to
// fill its limit (the demo's reports dies about hourly) and a working day's shift; a recurrence after a
// longer calm, when a fix had time to ship, opens a new incident.
export const DEFAULT_RECURRENCE_MS = 6 * HOUR_MS;

export function strongerReason(a: IncidentReason, b: IncidentReason): IncidentReason {
  return REASON_PRIORITY.indexOf(a) <= REASON_PRIORITY.indexOf(b) ? a : b;
}

// The same trouble again: the same reason, or an OOM kill and a crash loop, which is how the kills a
// container's status no longer shows appear (kubelet's BackOff between kills). Missing replicas alone
// (Unavailable: the replica counts or the availability SLO's page, with no cause of their own) are the
// symptom of whatever the workload suffers, so they belong to the series around them: the availability
// page that stays up between hourly OOM kills is that OOM incident, not an incident beside it. An
// Alertmanager alert is someone's rule seeing the same workload suffer: it belongs to the trouble around it.
function sameTrouble(a: IncidentReason, b: IncidentReason): boolean {
  const symptom = (r: IncidentReason) => r === "Unavailable" || r === "Alert";
  return a === b || symptom(a) || symptom(b) || (isRestartReason(a) && isRestartReason(b));
}

/** A container restarting: killed for memory, or crashing and backed off by kubelet. */
export function isRestartReason(r: IncidentReason): boolean {
  return r === "OOMKilled" || r === "CrashLoopBackOff";
}

// One incident per workload and outage. Signals of a workload chain into one occurrence while each starts
// within the quiet period of the previous ones' end, so a crash loop, its BackOff events and the missing
// replica page once, not three times. The incident's reason is the most specific cause among its signals.
// - start = the first signal; an occurrence is over once the workload has been healthy (available ≥
//   desired: no open availability signal) with no new signal for the quiet period; its end is that of
//   its last signal, i.e. when service came back, not when Uptrust confirmed it.
// - Fewer replicas than desired alone (no crash, pull or OOM signal, no page) opens an incident only once
//   it lasts minUnavailableMs, so the brief dip of a healthy rolling update does not.
// - The same trouble recurring within recurrenceMs of the previous occurrence's end is the same incident
//   (DEFAULT_RECURRENCE_MS says why); its resolution is the last occurrence's recovery.
export function groupIncidents(signals: readonly Signal[], now: number, options: GroupOptions = {}): DetectedIncident[] {
  const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  const minUnavailableMs = options.minUnavailableMs ?? DEFAULT_MIN_UNAVAILABLE_MS;
  const recurrenceMs = options.recurrenceMs ?? DEFAULT_RECURRENCE_MS;
  const byWorkload = new Map<string, Signal[]>();
  for (const s of signals) {
    const list = byWorkload.get(s.workload) ?? [];
    list.push(s);
    byWorkload.set(s.workload, list);
  }
  const out: DetectedIncident[] = [];
  for (const [workload, list] of byWorkload) {
    list.sort((a, b) => a.from - b.from || a.to - b.to);
    const occurrences: Occurrence[] = [];
    let group: Signal[] = [];
    let end = -Infinity;
    const flush = () => {
      const occurrence = group.length > 0 ? toOccurrence(group, now, quietMs, minUnavailableMs) : null;
      if (occurrence) occurrences.push(occurrence);
      group = [];
    };
    for (const s of list) {
      if (group.length > 0 && s.from > end + quietMs) flush();
      group.push(s);
      end = group.length === 1 ? s.to : Math.max(end, s.to);
    }
    flush();
    // Only adjacent occurrences join: another trouble in between ends the series, so a workload's
    // incidents never overlap in time.
    let series: Occurrence[] = [];
    for (const o of occurrences) {
      const last = series.at(-1);
      if (last && !(sameTrouble(last.reason, o.reason) && o.startedAt - last.lastSignalAt <= recurrenceMs)) {
        out.push(incidentOf(workload, series));
        series = [];
      }
      // A page alone after a trouble with a cause is that occurrence lasting (its page still up), not
      // another one. Replicas seen missing again are the trouble again: a kill whose termination the
      // container's status no longer shows (it holds the latest only) leaves only the replica counts, so
      // six kills read "×6" however long the availability page stayed up between them.
      const pageAlone = Object.keys(o.signalCounts).every((source) => source === "slo");
      if (last && series.length > 0 && o.reason === "Unavailable" && last.reason !== "Unavailable" && pageAlone) series[series.length - 1] = lasting(last, o);
      else series.push(o);
    }
    if (series.length > 0) out.push(incidentOf(workload, series));
  }
  return out.sort((a, b) => a.startedAt - b.startedAt || a.workload.localeCompare(b.workload));
}

// The earliest moment the detector's rule held: any signal other than missing replicas at its visibility;
// missing replicas once they had lasted minUnavailableMs from the occurrence's start. Infinity: not yet.
function detectionTime(group: readonly Signal[], startedAt: number, minUnavailableMs: number): number {
  const longEnough = startedAt + minUnavailableMs;
  let t = Infinity;
  for (const s of group) {
    if (s.reason !== "Unavailable" || s.source === "slo") t = Math.min(t, Math.max(s.from, s.visibleAt ?? s.from));
    else if (s.to >= longEnough) t = Math.min(t, Math.max(s.from, longEnough));
  }
  return t;
}

function toOccurrence(group: Signal[], now: number, quietMs: number, minUnavailableMs: number): Occurrence | null {
  // The facts date the start to the second; a minute-grained page of the same replicas only when alone.
  const facts = group.filter((s) => !s.restatesFacts);
  const startedAt = Math.min(...(facts.length > 0 ? facts : group).map((s) => s.from));
  const detectedAt = Math.max(startedAt, detectionTime(group, startedAt, minUnavailableMs));
  if (!Number.isFinite(detectedAt)) return null;
  const lastSignalAt = Math.max(...group.map((s) => s.to));
  const reason = group.map((s) => s.reason).reduce(strongerReason);
  const signalCounts: Partial<Record<SignalSource, number>> = {};
  let worst: Occurrence["worst"] = null;
  for (const s of group) {
    signalCounts[s.source] = (signalCounts[s.source] ?? 0) + 1;
    if (s.desired && s.available !== undefined && (!worst || s.available / s.desired < worst.available / worst.desired)) {
      worst = { available: s.available, desired: s.desired };
    }
  }
  const resolvedAt = now - lastSignalAt >= quietMs ? lastSignalAt : null;
  const severity = (worst && worst.available === 0) || group.some((s) => s.severity === "sev2") ? "sev2" : "sev3";
  const details = [...new Set(group.map((s) => s.detail))].slice(0, 10);
  return { reason, startedAt, detectedAt, lastSignalAt, resolvedAt, severity, worst, signalCounts, details };
}

// An occurrence extended by a later one's signals: it ends when the later one does.
function lasting(o: Occurrence, later: Occurrence): Occurrence {
  const signalCounts = { ...o.signalCounts };
  for (const [source, n] of Object.entries(later.signalCounts) as [SignalSource, number][]) signalCounts[source] = (signalCounts[source] ?? 0) + n;
  const worse = later.worst && (!o.worst || later.worst.available / later.worst.desired < o.worst.available / o.worst.desired);
  return {
    ...o,
    lastSignalAt: Math.max(o.lastSignalAt, later.lastSignalAt),
    resolvedAt: later.resolvedAt === null ? null : Math.max(o.resolvedAt ?? later.resolvedAt, later.resolvedAt),
    severity: o.severity === "sev2" || later.severity === "sev2" ? "sev2" : "sev3",
    worst: worse ? later.worst : o.worst,
    signalCounts,
    details: [...new Set([...o.details, ...later.details])].slice(0, 10),
  };
}

/** The incident made of these occurrences of one workload's trouble (oldest first). */
export function incidentOf(workload: string, occurrences: readonly Occurrence[]): DetectedIncident {
  const [first] = occurrences;
  const last = occurrences[occurrences.length - 1];
  const signalCounts: Partial<Record<SignalSource, number>> = {};
  let worst: Occurrence["worst"] = null;
  for (const o of occurrences) {
    for (const [source, n] of Object.entries(o.signalCounts) as [SignalSource, number][]) signalCounts[source] = (signalCounts[source] ?? 0) + n;
    if (o.worst && (!worst || o.worst.available / o.worst.desired < worst.available / worst.desired)) worst = o.worst;
  }
  return {
    workload,
    reason: occurrences.map((o) => o.reason).reduce(strongerReason),
    startedAt: first.startedAt,
    detectedAt: first.detectedAt,
    lastSignalAt: last.lastSignalAt,
    resolvedAt: last.resolvedAt,
    severity: occurrences.some((o) => o.severity === "sev2") ? "sev2" : "sev3",
    worst,
    signalCounts,
    details: [...new Set(occurrences.flatMap((o) => o.details))].slice(0, 10),
    occurrences: [...occurrences],
  };
}

const TITLES: Record<IncidentReason, string> = {
  CrashLoopBackOff: "is crash-looping",
  OOMKilled: "is running out of memory",
  ImagePullBackOff: "cannot pull its image",
  CreateContainerConfigError: "cannot start its containers: their configuration is invalid",
  FailedScheduling: "has pods that cannot be scheduled",
  NodeNotReady: "lost replicas on a node that stopped reporting",
  ErrorRate: "is failing requests",
  Latency: "is answering requests slowly",
  DNSFailure: "cannot resolve the names of its dependencies",
  Unavailable: "has fewer available replicas than desired",
  Alert: "has a firing Alertmanager alert",
};

// Titles name the workload and the symptom, never a person: "checkout is crash-looping (CrashLoopBackOff)".
export function incidentTitle(workloadName: string, reason: IncidentReason): string {
  return `${workloadName} ${TITLES[reason]} (${reason})`;
}

export function incidentFingerprint(cluster: string, workload: string, reason: IncidentReason): string {
  const w = parseWorkloadKey(workload);
  return `${cluster}/${w.kind}/${w.namespace}/${w.name}/${reason}`;
}

export function incidentSummary(incident: DetectedIncident): string {
  const parts = incident.details.slice(0, 3);
  const worst = incident.worst ? ` Lowest availability: ${incident.worst.available}/${incident.worst.desired} replicas.` : "";
  return `${parts.join("; ")}.${worst}`;
}
