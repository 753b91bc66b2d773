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
  /** When the latest notification naming it arrived: Alertmanager's last word that it still fires (or resolved). */
  lastReceivedAt: number;
};

// Alertmanager re-sends a firing alert every repeat_interval (4h unless configured) and tells its end only
// when it resolves and send_resolved is on; a lost resolution would leave it firing for ever. Prometheus ends
// an alert its rule no longer re-sends; Uptrust does the same one level up: a firing alert not re-sent within
// two repeat_intervals and half an hour (one lost resend, group_interval and retries are not an ending) is
// taken to have ended at its last sighting. UPTRUST_ALERTMANAGER_STALE_HOURS changes it.
export const ALERTMANAGER_REPEAT_INTERVAL_HOURS = 4;
export const DEFAULT_ALERT_STALE_HOURS = 2 * ALERTMANAGER_REPEAT_INTERVAL_HOURS + 0.5;

/** How an alert ended: Alertmanager resolved it, or it went silent (no re-send within the staleness window). */
export type AlertEnding = { at: number; by: "resolution" | "silence" };

export function alertEnding(a: Pick<StoredAlert, "endsAt" | "lastReceivedAt">, now: number, staleAfterMs: number): AlertEnding | null {
  if (a.endsAt !== null) return { at: a.endsAt, by: "resolution" };
  if (now - a.lastReceivedAt >= staleAfterMs) return { at: a.lastReceivedAt, by: "silence" };
  return null;
}

// The workload an alert names: its own kind and name when a kube-state-metrics label gives them, its pod's
// owner (the pods table, else the longest workload-name prefix, as for events) when only the pod is named.
export function alertWorkload(target: AlertTarget, podWorkloads: ReadonlyMap<string, WorkloadRef>, workloads: readonly WorkloadRef[]): WorkloadRef | undefined {
  if (!target.namespace || !target.kind || !target.name) return undefined;
  return resolveEventWorkload({ namespace: target.namespace, involvedKind: target.kind, involvedName: target.name }, podWorkloads, workloads);
}

const TARGET_LABEL: Record<NonNullable<AlertTarget["kind"]>, string> = { Deployment: "deployment", StatefulSet: "statefulset", DaemonSet: "daemonset", Job: "job_name", Pod: "pod" };

// Why an alert on a known cluster opens no incident, in words for the reply to Alertmanager, the log and the
// admins: it names no workload at all, or one Uptrust has not seen in that cluster (null when it names one).
export function alertWorkloadProblem(
  target: AlertTarget,
  clusterName: string,
  podWorkloads: ReadonlyMap<string, WorkloadRef>,
  workloads: readonly WorkloadRef[],
): string | null {
  if (!target.namespace || !target.kind || !target.name) {
    return "names no workload: give it a namespace label with deployment, statefulset, daemonset, job_name or pod";
  }
  if (alertWorkload(target, podWorkloads, workloads)) return null;
  return `names ${TARGET_LABEL[target.kind]} "${target.name}" in namespace "${target.namespace}", which Uptrust has not seen in cluster "${clusterName}"`;
}

export function alertDetail(a: Pick<StoredAlert, "alertname" | "summary">): string {
  return `Alertmanager: ${a.alertname} firing${a.summary ? `: ${a.summary}` : ""}`;
}

// A firing alert is trouble on its workload from startsAt until it resolves (endsAt), goes silent (its last
// sighting) or, while it still fires, until now: the same shape as Uptrust's own signals, so groupIncidents joins it to an incident the
// workload already has, or opens one for it alone. It was detected when Uptrust received it (never before
// it started). Its severity label decides whether it pages (alertIncidentSeverity).
export function alertSignals(
  alerts: readonly StoredAlert[],
  podWorkloads: ReadonlyMap<string, WorkloadRef>,
  workloads: readonly WorkloadRef[],
  now: number,
  staleAfterMs: number,
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
      to: Math.min(alertEnding(a, now, staleAfterMs)?.at ?? now, now),
      source: "alert",
      detail: alertDetail(a),
      visibleAt: Math.max(a.startsAt, a.firstReceivedAt),
      ...(paging ? { severity: "sev2" as const } : {}),
    });
  }
  return out;
}

/** The alerts of one workload, as its incident timeline tells them. */
export function timelineAlerts(
  alerts: readonly StoredAlert[],
  workload: WorkloadRef,
  podWorkloads: ReadonlyMap<string, WorkloadRef>,
  workloads: readonly WorkloadRef[],
  now: number,
  staleAfterMs: number,
): TimelineAlert[] {
  const key = workloadKey(workload);
  return alerts
    .filter((a) => {
      const owner = alertWorkload(a.target, podWorkloads, workloads);
      return owner !== undefined && workloadKey(owner) === key;
    })
    .map((a) => {
      const ending = alertEnding(a, now, staleAfterMs);
      return {
        fingerprint: a.fingerprint, alertname: a.alertname, severity: a.severity, startsAt: a.startsAt, endsAt: ending?.at ?? null, endedBy: ending?.by ?? null,
        summary: a.summary, generatorUrl: a.generatorUrl,
      };
    });
}
