import { MINUTE_MS } from "./slo.ts";
import { parseWorkloadKey, REASON_PRIORITY, type IncidentReason, type Signal, type SignalSource } from "./incident-signals.ts";

export type DetectedIncident = {
  workload: string;
  reason: IncidentReason;
  startedAt: number;
  lastSignalAt: number;
  resolvedAt: number | null;
  severity: "sev2" | "sev3";
  worst: { available: number; desired: number } | null;
  signalCounts: Partial<Record<SignalSource, number>>;
  details: string[];
};

export type GroupOptions = { quietMs?: number; minUnavailableMs?: number };

export const DEFAULT_QUIET_MS = 5 * MINUTE_MS;
export const DEFAULT_MIN_UNAVAILABLE_MS = 5 * MINUTE_MS;

export function strongerReason(a: IncidentReason, b: IncidentReason): IncidentReason {
  return REASON_PRIORITY.indexOf(a) <= REASON_PRIORITY.indexOf(b) ? a : b;
}

// One incident per workload and outage. Signals of a workload chain into one incident while each starts
// within the quiet period of the previous ones' end, so a crash loop, its BackOff events and the missing
// replica page once, not three times. The incident's reason is the most specific cause among its signals.
// - start = the first signal; the incident is resolved once the workload has been healthy (available ≥
//   desired: no open availability signal) with no new signal for the quiet period; resolvedAt is the end
//   of the last signal, i.e. when service came back, not when Uptrust confirmed it.
// - Fewer replicas than desired alone (no crash, pull or OOM signal) opens an incident only once it lasts
//   minUnavailableMs, so the brief dip of a healthy rolling update does not.
export function groupIncidents(signals: readonly Signal[], now: number, options: GroupOptions = {}): DetectedIncident[] {
  const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  const minUnavailableMs = options.minUnavailableMs ?? DEFAULT_MIN_UNAVAILABLE_MS;
  const byWorkload = new Map<string, Signal[]>();
  for (const s of signals) {
    const list = byWorkload.get(s.workload) ?? [];
    list.push(s);
    byWorkload.set(s.workload, list);
  }
  const out: DetectedIncident[] = [];
  for (const [workload, list] of byWorkload) {
    list.sort((a, b) => a.from - b.from || a.to - b.to);
    let group: Signal[] = [];
    let end = -Infinity;
    const flush = () => {
      const incident = group.length > 0 ? toIncident(workload, group, now, quietMs) : undefined;
      if (incident && (incident.reason !== "Unavailable" || incident.lastSignalAt - incident.startedAt >= minUnavailableMs)) out.push(incident);
      group = [];
    };
    for (const s of list) {
      if (group.length > 0 && s.from > end + quietMs) flush();
      group.push(s);
      end = group.length === 1 ? s.to : Math.max(end, s.to);
    }
    flush();
  }
  return out.sort((a, b) => a.startedAt - b.startedAt || a.workload.localeCompare(b.workload));
}

function toIncident(workload: string, group: Signal[], now: number, quietMs: number): DetectedIncident {
  const startedAt = Math.min(...group.map((s) => s.from));
  const lastSignalAt = Math.max(...group.map((s) => s.to));
  const reason = group.map((s) => s.reason).reduce(strongerReason);
  const signalCounts: Partial<Record<SignalSource, number>> = {};
  let worst: DetectedIncident["worst"] = null;
  for (const s of group) {
    signalCounts[s.source] = (signalCounts[s.source] ?? 0) + 1;
    if (s.desired && s.available !== undefined && (!worst || s.available / s.desired < worst.available / worst.desired)) {
      worst = { available: s.available, desired: s.desired };
    }
  }
  const resolvedAt = now - lastSignalAt >= quietMs ? lastSignalAt : null;
  const severity = (worst && worst.available === 0) || group.some((s) => s.severity === "sev2") ? "sev2" : "sev3";
  const details = [...new Set(group.map((s) => s.detail))].slice(0, 10);
  return { workload, reason, startedAt, lastSignalAt, resolvedAt, severity, worst, signalCounts, details };
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
