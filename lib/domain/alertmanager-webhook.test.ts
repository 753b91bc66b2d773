import { describe, expect, it } from "vitest";
import { alertFacts, alertIncidentSeverity, alertmanagerWebhook, alertTarget, chooseCluster, redactLabelMap } from "./alertmanager-webhook.ts";

// A notification as Alertmanager 0.25 sends it to a webhook_config (one firing, one resolved alert).
const notification = {
  receiver: "uptrust",
  status: "firing",
  alerts: [
    {
      status: "firing",
      labels: { alertname: "KubePodCrashLooping", cluster: "prod", namespace: "shop", pod: "checkout-7d9f-abcde", container: "checkout", severity: "warning" },
      annotations: { summary: "Pod shop/checkout-7d9f-abcde is crash looping", description: "restarted 5 times in 10 minutes" },
      startsAt: "2026-12-07T01:50:00.123Z",
      endsAt: "0001-01-01T00:00:00Z",
      generatorURL: "http://prometheus:9090/graph?g0.expr=kube_pod_container_status_restarts_total",
      fingerprint: "4cf7e9d4e76e2c38",
    },
    {
      status: "resolved",
      labels: { alertname: "KubeDeploymentReplicasMismatch", namespace: "shop", deployment: "cart", severity: "critical" },
      annotations: {},
      startsAt: "2026-12-07T01:00:00Z",
      endsAt: "2026-12-07T01:30:00Z",
      generatorURL: "",
      fingerprint: "9A0B1C2D3E4F5061",
    },
  ],
  groupLabels: { namespace: "shop" },
  commonLabels: { namespace: "shop" },
  commonAnnotations: {},
  externalURL: "http://alertmanager:9093",
  version: "4",
  groupKey: '{}:{namespace="shop"}',
  truncatedAlerts: 0,
};
const received = new Date("2026-12-07T02:00:00Z");
const problems = (body: unknown) => {
  const r = alertmanagerWebhook.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};
const withAlert = (change: Record<string, unknown>) => ({ ...notification, alerts: [{ ...notification.alerts[0], ...change }] });

describe("Alertmanager's webhook notification", () => {
  it("becomes one fact per alert: a firing alert has no end yet, a resolved one ends when Alertmanager says", () => {
    const [firing, resolved] = alertFacts(alertmanagerWebhook.parse(notification), received);
    expect(firing).toMatchObject({
      clusterLabel: "prod", fingerprint: "4cf7e9d4e76e2c38", status: "firing", startsAt: new Date("2026-12-07T01:50:00.123Z"), endsAt: null,
      alertname: "KubePodCrashLooping", severity: "warning", target: { namespace: "shop", kind: "Pod", name: "checkout-7d9f-abcde" },
      summary: "Pod shop/checkout-7d9f-abcde is crash looping", generatorUrl: "http://prometheus:9090/graph?g0.expr=kube_pod_container_status_restarts_total",
      receiver: "uptrust",
    });
    expect(resolved).toMatchObject({ clusterLabel: null, fingerprint: "9a0b1c2d3e4f5061", status: "resolved", endsAt: new Date("2026-12-07T01:30:00Z"), summary: null, generatorUrl: null });
  });

  it("a resolved alert Alertmanager sent without an end is taken to have ended when the notification arrived", () => {
    const [fact] = alertFacts(alertmanagerWebhook.parse(withAlert({ status: "resolved" })), received);
    expect(fact.endsAt).toEqual(received);
  });

  it("a body that is not Alertmanager's is refused field by field, saying what to fix", () => {
    expect(problems({ ...notification, version: "3" })).toEqual(['version: must be "4" (the webhook payload version Alertmanager 0.x sends)']);
    expect(problems(withAlert({ status: "pending" }))).toEqual(['alerts.0.status: must be "firing" or "resolved"']);
    expect(problems(withAlert({ labels: { namespace: "shop" } }))).toEqual(["alerts.0.labels: must include alertname"]);
    expect(problems(withAlert({ startsAt: "yesterday" }))).toEqual(["alerts.0.startsAt: must be an RFC 3339 time such as 2026-12-07T02:00:00Z"]);
    expect(problems(withAlert({ fingerprint: undefined }))).toEqual(["alerts.0.fingerprint: is missing: Alertmanager 0.19 or later sends each alert's fingerprint"]);
    expect(problems(withAlert({ labels: { alertname: "X", replicas: 3 } }))).toEqual(["alerts.0.labels.replicas: must be a string (Alertmanager label and annotation values are strings)"]);
  });

  it("a generator URL is a link on the incident page, so only http(s) is accepted", () => {
    expect(problems(withAlert({ generatorURL: "javascript:alert(1)" }))).toEqual(["alerts.0.generatorURL: must be an http(s) URL (Prometheus's graph link) or empty"]);
  });
});

describe("the workload an alert is about", () => {
  it("is named by kube-state-metrics' workload labels before the pod a series happened to sample", () => {
    expect(alertTarget({ namespace: "shop", deployment: "cart", pod: "cart-7d9f-abcde" })).toEqual({ namespace: "shop", kind: "Deployment", name: "cart" });
    expect(alertTarget({ namespace: "db", statefulset: "postgres" })).toEqual({ namespace: "db", kind: "StatefulSet", name: "postgres" });
    expect(alertTarget({ namespace: "kube-system", daemonset: "fluent-bit" })).toEqual({ namespace: "kube-system", kind: "DaemonSet", name: "fluent-bit" });
    expect(alertTarget({ namespace: "batch", job_name: "nightly-report" })).toEqual({ namespace: "batch", kind: "Job", name: "nightly-report" });
  });

  it("is a pod for cAdvisor's series, and nothing when only Prometheus's scrape job or a container is named", () => {
    expect(alertTarget({ namespace: "shop", pod: "checkout-7d9f-abcde", container: "checkout" })).toEqual({ namespace: "shop", kind: "Pod", name: "checkout-7d9f-abcde" });
    expect(alertTarget({ namespace: "shop", job: "kube-state-metrics", container: "checkout" })).toEqual({ namespace: "shop", kind: null, name: null });
    expect(alertTarget({ instance: "10.0.0.1:9100" })).toEqual({ namespace: null, kind: null, name: null });
  });
});

describe("an alert's severity as an incident's", () => {
  it("pages (sev2) for critical and its synonyms, whatever their case; never sev1, which is a person's call", () => {
    for (const label of ["critical", "CRITICAL", "page", "error", "high"]) expect(alertIncidentSeverity(label), label).toBe("sev2");
  });

  it("is sev3 for warnings, information and alerts without a severity label", () => {
    for (const label of ["warning", "info", "none", "", null, undefined]) expect(alertIncidentSeverity(label), String(label)).toBe("sev3");
  });
});

describe("labels and annotations before they are stored", () => {
  it("lose the value under a credential-like name and the secrets inside free text, keeping the rest", () => {
    expect(redactLabelMap({ api_token: "s3cr3t-value", namespace: "shop" })).toEqual({ api_token: "[REDACTED secret]", namespace: "shop" });
    const [note] = Object.values(redactLabelMap({ description: "login failed with password=hunter2 for checkout" }));
    expect(note).not.toContain("hunter2");
    expect(note).toContain("login failed with password=");
  });
});

describe("the cluster an alert belongs to", () => {
  const clusters = new Map([["prod", "id-prod"], ["staging", "id-staging"]]);

  it("is the registered cluster its cluster label names", () => {
    expect(chooseCluster("staging", clusters, undefined)).toEqual({ clusterId: "id-staging", unmatched: null });
  });

  it("without a label, is the configured default, or the only cluster Uptrust watches", () => {
    expect(chooseCluster(null, clusters, "prod")).toEqual({ clusterId: "id-prod", unmatched: null });
    expect(chooseCluster(null, new Map([["demo", "id-demo"]]), undefined)).toEqual({ clusterId: "id-demo", unmatched: null });
  });

  it("is none, with the reason, when the label names an unknown cluster or several clusters leave it open", () => {
    expect(chooseCluster("qa", clusters, "prod")).toEqual({ clusterId: null, unmatched: 'no registered cluster is named "qa" (known: prod, staging)' });
    expect(chooseCluster(null, clusters, undefined)).toEqual({
      clusterId: null, unmatched: "no cluster label, and Uptrust watches 2 clusters: add a cluster label or set UPTRUST_ALERTMANAGER_CLUSTER",
    });
  });
});
