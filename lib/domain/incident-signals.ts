import type { ReplicaState } from "./availability-sli.ts";

// Deterministic failure signals (K8sGPT's pod reasons) read from the facts the ingest worker stored.
// Each signal covers an interval of cluster time [from, to]; a point-in-time signal has from = to.

export type IncidentReason = "OOMKilled" | "ImagePullBackOff" | "CreateContainerConfigError" | "CrashLoopBackOff" | "NodeNotReady" | "FailedScheduling" | "ErrorRate" | "Latency" | "DNSFailure" | "Unavailable" | "Alert";

// Most specific cause first: an OOM kill explains the crash loop and the missing replicas it causes; a
// pod reason explains the failed or slow requests users saw. Failed lookups rank below the requests
// they fail: the incident is named for what users felt, and DNS is told as its probable cause. An alert
// from the team's Alertmanager ranks last: it names the incident only when Uptrust's own facts show nothing.
export const REASON_PRIORITY: readonly IncidentReason[] = ["OOMKilled", "ImagePullBackOff", "CreateContainerConfigError", "CrashLoopBackOff", "NodeNotReady", "FailedScheduling", "ErrorRate", "Latency", "DNSFailure", "Unavailable", "Alert"];

export type WorkloadRef = { kind: string; namespace: string; name: string };
export type SignalSource = "container" | "termination" | "event" | "availability" | "slo" | "log" | "alert";
export type Signal = {
  workload: string;
  reason: IncidentReason;
  from: number;
  to: number;
  source: SignalSource;
  detail: string;
  available?: number;
  desired?: number;
  /** A signal that is severe on its own (a fast-burn page), whatever the replica counts. */
  severity?: "sev2";
  /**
   * The cluster time the signal became visible to Uptrust's rules, when later than `from`: a page fires
   * minutes into the burn it reports, failed lookups count once they persist. Detection is stamped here.
   */
  visibleAt?: number;
  /**
   * A minute-grained restatement of facts other signals date to the second (an availability SLO's page
   * stands for the replica counts): it may keep an occurrence going, but never starts it earlier.
   */
  restatesFacts?: true;
};

export type ContainerFact = {
  namespace: string;
  pod: string;
  container: string;
  workload: WorkloadRef | null;
  podDeleted: boolean;
  podSince: number | null;
  stateReason: string | null;
  lastTerminationReason: string | null;
  lastTerminatedAt: number | null;
};

export type EventFact = {
  namespace: string;
  involvedKind: string;
  involvedName: string;
  reason: string;
  message: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
};

export type StatusFact = { workload: WorkloadRef; series: ReplicaState[] };

export function workloadKey(w: WorkloadRef): string {
  return `${w.kind}/${w.namespace}/${w.name}`;
}

export function parseWorkloadKey(key: string): WorkloadRef {
  const [kind, namespace, ...rest] = key.split("/");
  return { kind, namespace, name: rest.join("/") };
}

const WAITING_REASONS: Record<string, IncidentReason> = {
  CrashLoopBackOff: "CrashLoopBackOff",
  ImagePullBackOff: "ImagePullBackOff",
  ErrImagePull: "ImagePullBackOff",
  CreateContainerConfigError: "CreateContainerConfigError",
};

// Containers: a live container stuck waiting is a signal from its last crash (or its pod's start) until
// now; an OOMKilled last termination is a signal at the moment it was killed, even if the pod is gone.
export function containerSignals(containers: readonly ContainerFact[], now: number): Signal[] {
  const out: Signal[] = [];
  for (const c of containers) {
    if (!c.workload) continue;
    const workload = workloadKey(c.workload);
    const where = `${c.pod}/${c.container}`;
    const waiting = c.stateReason ? WAITING_REASONS[c.stateReason] : undefined;
    // A fact newer than the analysis clock (the cluster's clock can lag the facts ingest already wrote)
    // is left for the next cycle: clamping it to `now` would date the incident before its cause.
    const since = c.lastTerminatedAt ?? c.podSince ?? now;
    if (waiting && !c.podDeleted && since <= now) {
      const reason = waiting === "CrashLoopBackOff" && c.lastTerminationReason === "OOMKilled" ? "OOMKilled" : waiting;
      out.push({ workload, reason, from: since, to: now, source: "container", detail: `${where} is ${c.stateReason}` });
    }
    if (c.lastTerminationReason === "OOMKilled" && c.lastTerminatedAt !== null && c.lastTerminatedAt <= now) {
      out.push({ workload, reason: "OOMKilled", from: c.lastTerminatedAt, to: c.lastTerminatedAt, source: "termination", detail: `${where} was OOMKilled` });
    }
  }
  return out;
}

// kubelet reports CreateContainerConfigError in the container's waiting state, but its Failed event
// carries only the cause ("Error: couldn't find key DATABASE_URL in ConfigMap shop/checkout-config",
// "Error: secret \"checkout-db\" not found"). Once the pod recovers the event is all that remains, so
// the message shapes from kubelet's makeEnvironmentVariables and volume setup are matched too.
const CONFIG_ERROR = /createcontainerconfigerror|couldn't find key \S+ in (configmap|secret)|(configmap|secret) "[^"]+" not found/;

function eventReason(e: EventFact): IncidentReason | undefined {
  const msg = e.message.toLowerCase();
  if (e.reason === "BackOff") return msg.includes("pull") ? "ImagePullBackOff" : "CrashLoopBackOff";
  if (e.reason === "OOMKilling") return "OOMKilled";
  if (e.reason === "FailedScheduling") return "FailedScheduling";
  // The node lifecycle controller records NodeNotReady on every pod of a node that stopped reporting.
  if (e.reason === "NodeNotReady" && e.involvedKind === "Pod") return "NodeNotReady";
  if (e.reason === "Failed" && (msg.includes("errimagepull") || msg.includes("imagepullbackoff"))) return "ImagePullBackOff";
  if (e.reason === "Failed" && CONFIG_ERROR.test(msg)) return "CreateContainerConfigError";
  return undefined;
}

// Finds the workload an event is about: pods through the pods table, ReplicaSets through their
// Deployment, and pods Uptrust never saw (deleted before ingest) by the longest workload-name prefix.
export function resolveEventWorkload(e: Pick<EventFact, "namespace" | "involvedKind" | "involvedName">, podWorkloads: ReadonlyMap<string, WorkloadRef>, workloads: readonly WorkloadRef[]): WorkloadRef | undefined {
  const inNamespace = workloads.filter((w) => w.namespace === e.namespace);
  if (e.involvedKind === "Pod") {
    const known = podWorkloads.get(`${e.namespace}/${e.involvedName}`);
    if (known) return known;
    return inNamespace
      .filter((w) => e.involvedName.startsWith(`${w.name}-`))
      .sort((a, b) => b.name.length - a.name.length)[0];
  }
  if (e.involvedKind === "ReplicaSet") {
    const deployment = e.involvedName.replace(/-[a-z0-9]+$/, "");
    return inNamespace.find((w) => w.kind === "Deployment" && w.name === deployment);
  }
  return inNamespace.find((w) => w.kind === e.involvedKind && w.name === e.involvedName);
}

export function eventSignals(
  events: readonly EventFact[],
  podWorkloads: ReadonlyMap<string, WorkloadRef>,
  workloads: readonly WorkloadRef[],
  now: number,
  quietMs = 5 * 60_000,
): Signal[] {
  const out: Signal[] = [];
  for (const e of events) {
    const reason = eventReason(e);
    if (!reason || e.firstSeen > now) continue;
    const workload = resolveEventWorkload(e, podWorkloads, workloads);
    if (!workload) continue;
    const times = e.count > 1 ? ` (×${e.count})` : "";
    const base = { workload: workloadKey(workload), reason, source: "event" as const, detail: `${e.reason}${times}: ${e.message}` };
    const last = Math.min(e.lastSeen, now);
    // A repeated event is one row with first/last seen and a count: the span between is continuous trouble
    // only when the repeats came closer together than the quiet period; otherwise it is two separate moments
    // (an hourly OOM restart must not become one two-hour incident).
    const spacing = e.count > 1 ? (last - e.firstSeen) / (e.count - 1) : Infinity;
    if (spacing <= quietMs) out.push({ ...base, from: e.firstSeen, to: last });
    else {
      out.push({ ...base, from: e.firstSeen, to: e.firstSeen });
      if (last > e.firstSeen) out.push({ ...base, from: last, to: last });
    }
  }
  return out;
}

// Availability: every stretch where available < desired (desired > 0), until it recovers or until now.
export function availabilitySignals(statuses: readonly StatusFact[], now: number): Signal[] {
  const out: Signal[] = [];
  for (const { workload, series } of statuses) {
    const key = workloadKey(workload);
    const sorted = [...series].filter((s) => s.ts <= now).sort((a, b) => a.ts - b.ts);
    let open: Signal | undefined;
    for (const s of sorted) {
      const down = s.desired > 0 && s.available < s.desired;
      if (down && !open) {
        open = { workload: key, reason: "Unavailable", from: s.ts, to: now, source: "availability", detail: "", available: s.available, desired: s.desired };
      } else if (down && open && s.available / s.desired < (open.available ?? 0) / (open.desired ?? 1)) {
        open.available = s.available;
        open.desired = s.desired;
      } else if (!down && open) {
        open.to = s.ts;
        out.push(open);
        open = undefined;
      }
    }
    if (open) out.push(open);
  }
  for (const s of out) s.detail = `${s.available}/${s.desired} replicas available`;
  return out;
}
