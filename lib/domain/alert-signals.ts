import { alertIncidentSeverity, type AlertTarget } from "./alertmanager-webhook.ts";
import { resolveEventWorkload, workloadKey, type Signal, type WorkloadRef } from "./incident-signals.ts";
import type { TimelineAlert } from "./incident-timeline.ts";

/** An alert as incident detection reads it back from alert_signals (times in epoch ms). */
export type StoredAlert = {
  fingerprint: string;
  alertname: string;
  severity: string | null;
  target: AlertTarget;
  startsAt: number;
  endsAt: number | null;
  summary: string | null;
  generatorUrl: string | null;
  /** When Uptrust first received it: the moment its rule's verdict became visible to Uptrust. */
  firstReceivedAt: number;
};

// The workload an alert names: its own kind and name when a kube-state-metrics label gives them, its pod's
// owner (the pods table, else the longest workload-name prefix, as for events) when only the pod is named.
export function alertWorkload(target: AlertTarget, podWorkloads: ReadonlyMap<string, WorkloadRef>, workloads: readonly WorkloadRef[]): WorkloadRef | undefined {
  if (!target.namespace || !target.kind || !target.name) return undefined;
  return resolveEventWorkload({ namespace: target.namespace, involvedKind: target.kind, involvedName: target.name }, podWorkloads, workloads);
}

export function alertDetail(a: Pick<StoredAlert, "alertname" | "summary">): string {
  return `Alertmanager: ${a.alertname} firing${a.summary ? `: ${a.summary}` : ""}`;
}

// A firing alert is trouble on its workload from startsAt until it resolves (endsAt) or, while it still
// fires, until now: the same shape as Uptrust's own signals, so groupIncidents joins it to an incident the
// workload already has, or opens one for it alone. It was detected when Uptrust received it (never before
// it started). Its severity label decides whether it pages (alertIncidentSeverity).
export function alertSignals(
  alerts: readonly StoredAlert[],
  podWorkloads: ReadonlyMap<string, WorkloadRef>,
  workloads: readonly WorkloadRef[],
  now: number,
): Signal[] {
  const out: Signal[] = [];
  for (const a of alerts) {
    if (a.startsAt > now) continue;
    const workload = alertWorkload(a.target, podWorkloads, workloads);
    if (!workload) continue;
    const paging = alertIncidentSeverity(a.severity) === "sev2";
    out.push({
      workload: workloadKey(workload),
      reason: "Alert",
      from: a.startsAt,
      to: Math.min(a.endsAt ?? now, now),
      source: "alert",
      detail: alertDetail(a),
      visibleAt: Math.max(a.startsAt, a.firstReceivedAt),
      ...(paging ? { severity: "sev2" as const } : {}),
    });
  }
  return out;
}

/** The alerts of one workload, as its incident timeline tells them. */
export function timelineAlerts(alerts: readonly StoredAlert[], workload: WorkloadRef, podWorkloads: ReadonlyMap<string, WorkloadRef>, workloads: readonly WorkloadRef[]): TimelineAlert[] {
  const key = workloadKey(workload);
  return alerts
    .filter((a) => {
      const owner = alertWorkload(a.target, podWorkloads, workloads);
      return owner !== undefined && workloadKey(owner) === key;
    })
    .map((a) => ({ fingerprint: a.fingerprint, alertname: a.alertname, severity: a.severity, startsAt: a.startsAt, endsAt: a.endsAt, summary: a.summary, generatorUrl: a.generatorUrl }));
}
