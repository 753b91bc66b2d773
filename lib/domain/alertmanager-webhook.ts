import { z } from "zod";
import { redactSecrets } from "./redact.ts";

// Alertmanager's webhook notification, version "4" (webhook_config in Alertmanager's configuration): a group
// of alerts with the labels they were routed by. Each alert carries Alertmanager's fingerprint (a hash of its
// labels) and the time it started firing; a firing alert's endsAt is Go's zero time, a resolved one's is when
// it stopped. Anything that cannot become a signal is refused with the field that is wrong.

const GO_ZERO_TIME = "0001-01-01T00:00:00Z";
const labelMap = z.record(z.string(), z.string({ error: "must be a string (Alertmanager label and annotation values are strings)" }));
const timestamp = z.iso.datetime({ offset: true, error: "must be an RFC 3339 time such as 2026-12-07T02:00:00Z" });
// A generator URL is rendered as a link on the incident page: only http(s), never javascript: or data:.
const generatorUrl = z
  .string()
  .refine((v) => v === "" || /^https?:\/\//i.test(v), "must be an http(s) URL (Prometheus's graph link) or empty")
  .optional();

const alert = z.object({
  status: z.enum(["firing", "resolved"], { error: 'must be "firing" or "resolved"' }),
  labels: labelMap.refine((l) => typeof l.alertname === "string" && l.alertname.trim() !== "", "must include alertname"),
  annotations: labelMap.default({}),
  startsAt: timestamp,
  endsAt: timestamp.optional(),
  generatorURL: generatorUrl,
  fingerprint: z.string({ error: "is missing: Alertmanager 0.19 or later sends each alert's fingerprint" }).regex(/^[0-9a-f]{1,64}$/i, "must be Alertmanager's hexadecimal fingerprint"),
});

export const MAX_ALERTS_PER_NOTIFICATION = 1000;

export const alertmanagerWebhook = z.object({
  version: z.literal("4", { error: 'must be "4" (the webhook payload version Alertmanager 0.x sends)' }),
  receiver: z.string().default(""),
  status: z.enum(["firing", "resolved"], { error: 'must be "firing" or "resolved"' }),
  alerts: z.array(alert).max(MAX_ALERTS_PER_NOTIFICATION, `may hold at most ${MAX_ALERTS_PER_NOTIFICATION} alerts (set max_alerts in webhook_config)`),
  groupLabels: labelMap.default({}),
  commonLabels: labelMap.default({}),
  commonAnnotations: labelMap.default({}),
  externalURL: z.string().default(""),
  groupKey: z.string().optional(),
  truncatedAlerts: z.number().int().nonnegative().default(0),
});

export type AlertmanagerWebhook = z.infer<typeof alertmanagerWebhook>;
export type AlertmanagerAlert = AlertmanagerWebhook["alerts"][number];

/** What an alert is about, by the labels kube-state-metrics and cAdvisor give their series. */
export type AlertTarget = { namespace: string | null; kind: "Deployment" | "StatefulSet" | "DaemonSet" | "Job" | "Pod" | null; name: string | null };

// kube-state-metrics names a workload by its kind's label (kube_deployment_*{deployment=...},
// kube_job_*{job_name=...}); cAdvisor and kube_pod_* series name the pod. The workload's own label wins
// over its pod's: an alert on a Deployment's rollout still carries the pod of whichever replica it sampled.
// `job` is Prometheus's scrape job, never a Kubernetes Job, so only job_name counts.
const WORKLOAD_LABELS = [
  ["deployment", "Deployment"],
  ["statefulset", "StatefulSet"],
  ["daemonset", "DaemonSet"],
  ["job_name", "Job"],
  ["pod", "Pod"],
] as const;

export function alertTarget(labels: Readonly<Record<string, string>>): AlertTarget {
  const namespace = labels.namespace?.trim() || null;
  for (const [label, kind] of WORKLOAD_LABELS) {
    const name = labels[label]?.trim();
    if (name) return { namespace, kind, name };
  }
  return { namespace, kind: null, name: null };
}

export type IncidentSeverity = "sev2" | "sev3";

// The alert's severity label as Uptrust's incident severity. Uptrust's own detector never opens a sev1 (that
// is a person's call when they escalate), and an alert from elsewhere gets no more: critical/page/error/high
// pages as sev2, like a fast-burn SLO page or a workload with no replica left; everything else (warning,
// info, none) is sev3.
const PAGING_SEVERITIES = new Set(["critical", "page", "error", "high", "p1", "p2", "sev1", "sev2"]);

export function alertIncidentSeverity(severityLabel: string | null | undefined): IncidentSeverity {
  return severityLabel && PAGING_SEVERITIES.has(severityLabel.trim().toLowerCase()) ? "sev2" : "sev3";
}

// Labels and annotations are free text written by whoever wrote the alerting rule: a value under a
// credential-like name (token, password, api_key…) goes entirely; any other value keeps its text with the
// secrets redact.ts recognizes replaced.
export function redactLabelMap(map: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(map).map(([key, value]) => {
      const pair = redactSecrets(`${key}=${value}`);
      return [key, pair.startsWith(`${key}=`) ? pair.slice(key.length + 1) : redactSecrets(value)];
    }),
  );
}

/** One alert as Uptrust stores it (lib/db/alerts): the facts a signal is read from, already redacted. */
export type AlertFact = {
  clusterLabel: string | null;
  fingerprint: string;
  startsAt: Date;
  /** When it stopped firing; null while it fires. */
  endsAt: Date | null;
  status: "firing" | "resolved";
  alertname: string;
  severity: string | null;
  target: AlertTarget;
  summary: string | null;
  generatorUrl: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  receiver: string;
};

// A resolved alert whose endsAt Alertmanager left at zero (it should not) is taken to have ended when the
// notification said so: `receivedAt`.
export function alertFacts(payload: AlertmanagerWebhook, receivedAt: Date): AlertFact[] {
  return payload.alerts.map((a) => {
    const labels = redactLabelMap(a.labels);
    const annotations = redactLabelMap(a.annotations);
    const ended = a.endsAt && a.endsAt !== GO_ZERO_TIME ? new Date(a.endsAt) : null;
    return {
      clusterLabel: a.labels.cluster?.trim() || null,
      fingerprint: a.fingerprint.toLowerCase(),
      startsAt: new Date(a.startsAt),
      endsAt: a.status === "resolved" ? (ended ?? receivedAt) : null,
      status: a.status,
      alertname: labels.alertname,
      severity: labels.severity?.trim() || null,
      target: alertTarget(a.labels),
      summary: annotations.summary ?? annotations.description ?? annotations.message ?? null,
      generatorUrl: a.generatorURL || null,
      labels,
      annotations,
      receiver: payload.receiver,
    };
  });
}

/** Which registered cluster an alert belongs to: its `cluster` label, else the configured default. */
export type ClusterChoice = { clusterId: string; unmatched: null } | { clusterId: null; unmatched: string };

// The `cluster` label (external_labels or a relabel rule sets it in multi-cluster Prometheus setups) is
// matched to a registered cluster's name. Without it: UPTRUST_ALERTMANAGER_CLUSTER, else the one cluster
// Uptrust watches when it watches exactly one. Anything else is kept, unmatched, and reported.
export function chooseCluster(label: string | null, clusters: ReadonlyMap<string, string>, fallback: string | undefined): ClusterChoice {
  const name = label ?? fallback ?? (clusters.size === 1 ? [...clusters.keys()][0] : null);
  if (name === null) {
    return { clusterId: null, unmatched: `no cluster label, and Uptrust watches ${clusters.size} clusters: add a cluster label or set UPTRUST_ALERTMANAGER_CLUSTER` };
  }
  const id = clusters.get(name);
  if (id) return { clusterId: id, unmatched: null };
  const known = [...clusters.keys()].sort().join(", ") || "none yet";
  return { clusterId: null, unmatched: `no registered cluster is named "${name}" (known: ${known})` };
}
