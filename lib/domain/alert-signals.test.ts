import { describe, expect, it } from "vitest";
import { alertSignals, alertWorkloadProblem, DEFAULT_ALERT_STALE_HOURS, timelineAlerts, type StoredAlert } from "./alert-signals.ts";
import { alertFacts, alertmanagerWebhook } from "./alertmanager-webhook.ts";
import { eventSignals, type WorkloadRef } from "./incident-signals.ts";
import { buildTimeline } from "./incident-timeline.ts";
import { groupIncidents } from "./incidents.ts";

const MIN = 60_000;
const now = Date.UTC(2026, 11, 7, 2, 0);
const HOUR = 60 * MIN;
const at = (minutes: number) => now + minutes * MIN;
const STALE = DEFAULT_ALERT_STALE_HOURS * HOUR;

const workloads: WorkloadRef[] = [
  { kind: "Deployment", namespace: "shop", name: "checkout" },
  { kind: "Deployment", namespace: "shop", name: "cart" },
  { kind: "StatefulSet", namespace: "db", name: "postgres" },
];
const podWorkloads = new Map<string, WorkloadRef>([["shop/cart-7d9f-abcde", workloads[1]]]);

// One alert as the receiver stores it: from Alertmanager's notification, received at `receivedAt`.
// `lastReceivedAt` is when Alertmanager last sent it (a resend of a firing alert), by default when it arrived.
function alert(labels: Record<string, string>, startsAt: number, opts: { endsAt?: number; summary?: string; receivedAt?: number; lastReceivedAt?: number } = {}): StoredAlert {
  const resolved = opts.endsAt !== undefined;
  const payload = alertmanagerWebhook.parse({
    version: "4", receiver: "uptrust", status: resolved ? "resolved" : "firing",
    alerts: [{
      status: resolved ? "resolved" : "firing", labels, annotations: opts.summary ? { summary: opts.summary } : {}, startsAt: new Date(startsAt).toISOString(),
      endsAt: resolved ? new Date(opts.endsAt!).toISOString() : "0001-01-01T00:00:00Z", generatorURL: "http://prometheus:9090/graph", fingerprint: "ab12cd34",
    }],
  });
  const [f] = alertFacts(payload, new Date(opts.receivedAt ?? startsAt));
  return {
    fingerprint: f.fingerprint, alertname: f.alertname, severity: f.severity, target: f.target, startsAt: f.startsAt.getTime(), endsAt: f.endsAt?.getTime() ?? null,
    summary: f.summary, generatorUrl: f.generatorUrl, firstReceivedAt: opts.receivedAt ?? startsAt, lastReceivedAt: opts.lastReceivedAt ?? opts.endsAt ?? opts.receivedAt ?? startsAt,
  };
}

// checkout crash-looping for the last 20 minutes, as kubelet's BackOff events tell it.
const crashLoop = eventSignals(
  [{ namespace: "shop", involvedKind: "Pod", involvedName: "checkout-5c6b-xyz12", reason: "BackOff", message: "Back-off restarting failed container", count: 20, firstSeen: at(-20), lastSeen: at(-1) }],
  new Map(), workloads, now,
);

describe("an Alertmanager alert as an incident signal", () => {
  it("joins the incident Uptrust already has on the workload: one incident, named for Uptrust's finding, paging if the alert is critical", () => {
    const signals = alertSignals([alert({ alertname: "CheckoutErrors", namespace: "shop", deployment: "checkout", severity: "critical" }, at(-10))], podWorkloads, workloads, now, STALE);
    const [incident, ...others] = groupIncidents([...crashLoop, ...signals], now);
    expect(others).toEqual([]);
    expect(incident).toMatchObject({ workload: "Deployment/shop/checkout", reason: "CrashLoopBackOff", severity: "sev2", startedAt: at(-20), resolvedAt: null });
    expect(incident.signalCounts).toMatchObject({ event: 1, alert: 1 });
    expect(incident.details).toContain("Alertmanager: CheckoutErrors firing");
  });

  it("a warning alone opens a sev3 incident on a quiet workload, detected when Uptrust received it", () => {
    const signals = alertSignals([alert({ alertname: "CartSlow", namespace: "shop", deployment: "cart", severity: "warning" }, at(-15), { receivedAt: at(-14) })], podWorkloads, workloads, now, STALE);
    expect(groupIncidents(signals, now)).toMatchObject([{ workload: "Deployment/shop/cart", reason: "Alert", severity: "sev3", startedAt: at(-15), detectedAt: at(-14), resolvedAt: null }]);
  });

  it("resolves when the alert resolved, once the quiet period has passed with nothing else from the workload", () => {
    const labels = { alertname: "CartSlow", namespace: "shop", deployment: "cart" };
    const justResolved = alertSignals([alert(labels, at(-15), { endsAt: at(-2) })], podWorkloads, workloads, now, STALE);
    expect(groupIncidents(justResolved, now)[0].resolvedAt).toBeNull();
    const resolved = alertSignals([alert(labels, at(-15), { endsAt: at(-7) })], podWorkloads, workloads, now, STALE);
    expect(groupIncidents(resolved, now)[0].resolvedAt).toBe(at(-7));
  });

  it("does not resolve an incident whose own signals continue after the alert resolved", () => {
    const signals = alertSignals([alert({ alertname: "CheckoutErrors", namespace: "shop", deployment: "checkout" }, at(-20), { endsAt: at(-15) })], podWorkloads, workloads, now, STALE);
    expect(groupIncidents([...crashLoop, ...signals], now)).toMatchObject([{ reason: "CrashLoopBackOff", resolvedAt: null }]);
  });

  it("a pod-named alert is its workload's: through the pods table, or the longest workload-name prefix for a pod Uptrust never saw", () => {
    const known = alertSignals([alert({ alertname: "HighMemory", namespace: "shop", pod: "cart-7d9f-abcde" }, at(-5))], podWorkloads, workloads, now, STALE);
    const unseen = alertSignals([alert({ alertname: "HighMemory", namespace: "db", pod: "postgres-0" }, at(-5))], podWorkloads, workloads, now, STALE);
    expect(known.map((s) => s.workload)).toEqual(["Deployment/shop/cart"]);
    expect(unseen.map((s) => s.workload)).toEqual(["StatefulSet/db/postgres"]);
  });

  it("an alert naming no workload Uptrust knows, or none at all, or starting after now, is no signal", () => {
    const stray = [
      alert({ alertname: "NodeDown", instance: "10.0.0.1:9100" }, at(-5)),
      alert({ alertname: "Gone", namespace: "shop", deployment: "legacy" }, at(-5)),
      alert({ alertname: "Later", namespace: "shop", deployment: "cart" }, at(1)),
    ];
    expect(alertSignals(stray, podWorkloads, workloads, now, STALE)).toEqual([]);
  });

  it("is told on its workload's timeline when it fired, with its summary, and when it resolved", () => {
    const alerts = [
      alert({ alertname: "CartSlow", namespace: "shop", pod: "cart-7d9f-abcde", severity: "warning" }, at(-15), { endsAt: at(-7), summary: "p99 is 2.3s" }),
      alert({ alertname: "CheckoutErrors", namespace: "shop", deployment: "checkout" }, at(-10)),
    ];
    const entries = buildTimeline({ startedAt: at(-15), endAt: at(-7), changes: [], events: [], logs: [], statuses: [], alerts: timelineAlerts(alerts, workloads[1], podWorkloads, workloads, now, STALE) });
    expect(entries.map((e) => [e.ts, e.title])).toEqual([[at(-15), "Alertmanager: CartSlow firing: p99 is 2.3s"], [at(-7), "Alertmanager: CartSlow resolved"]]);
    expect(entries[0].detail).toEqual({ alertname: "CartSlow", severity: "warning", summary: "p99 is 2.3s", generatorUrl: "http://prometheus:9090/graph" });
  });

  it("Alertmanager's default repeat_interval is 4h: a firing alert re-sent 4 hours ago still fires; one it has not re-sent for 8.5 hours ended at its last sighting", () => {
    expect(DEFAULT_ALERT_STALE_HOURS).toBe(8.5);
    const labels = { alertname: "CartSlow", namespace: "shop", deployment: "cart" };
    const resent = alertSignals([alert(labels, at(-9 * 60), { lastReceivedAt: at(-4 * 60 - 5) })], podWorkloads, workloads, now, STALE);
    expect(groupIncidents(resent, now)).toMatchObject([{ reason: "Alert", startedAt: at(-9 * 60), resolvedAt: null }]);

    const silent = alertSignals([alert(labels, at(-12 * 60), { lastReceivedAt: at(-8 * 60 - 31) })], podWorkloads, workloads, now, STALE);
    expect(groupIncidents(silent, now)).toMatchObject([{ reason: "Alert", startedAt: at(-12 * 60), resolvedAt: at(-8 * 60 - 31) }]);
  });

  it("a shorter staleness window ends a silent alert sooner; a resolved alert ends when Alertmanager said, however long ago it was last sent", () => {
    const labels = { alertname: "CartSlow", namespace: "shop", deployment: "cart" };
    const silentHour = alertSignals([alert(labels, at(-90), { lastReceivedAt: at(-61) })], podWorkloads, workloads, now, HOUR);
    expect(silentHour.map((s) => [s.from, s.to])).toEqual([[at(-90), at(-61)]]);
    const resolved = alertSignals([alert(labels, at(-90), { endsAt: at(-30), lastReceivedAt: at(-29) })], podWorkloads, workloads, now, 10 * MIN);
    expect(resolved.map((s) => [s.from, s.to])).toEqual([[at(-90), at(-30)]]);
  });

  it("a silent alert's incident timeline says it was taken as ended for want of word from Alertmanager, not that it resolved", () => {
    const alerts = [alert({ alertname: "CartSlow", namespace: "shop", deployment: "cart" }, at(-12 * 60), { lastReceivedAt: at(-9 * 60) })];
    const told = timelineAlerts(alerts, workloads[1], podWorkloads, workloads, now, STALE);
    const entries = buildTimeline({ startedAt: at(-12 * 60), endAt: at(-9 * 60), changes: [], events: [], logs: [], statuses: [], alerts: told });
    expect(entries.map((e) => [e.ts, e.title])).toEqual([
      [at(-12 * 60), "Alertmanager: CartSlow firing"],
      [at(-9 * 60), "Alertmanager: CartSlow taken as ended: no word from Alertmanager since 2026-12-06 17:00 UTC"],
    ]);
  });

  it("says why an alert opens no incident: it names no workload, or one Uptrust has not seen in the cluster", () => {
    const problem = (labels: Record<string, string>) => alertWorkloadProblem(alert({ alertname: "X", ...labels }, at(-1)).target, "prod", podWorkloads, workloads);
    expect(problem({ instance: "10.0.0.1:9100" })).toBe("names no workload: give it a namespace label with deployment, statefulset, daemonset, job_name or pod");
    expect(problem({ namespace: "shop", deployment: "legacy" })).toBe('names deployment "legacy" in namespace "shop", which Uptrust has not seen in cluster "prod"');
    expect(problem({ namespace: "shop", pod: "cart-7d9f-abcde" })).toBeNull();
    expect(problem({ namespace: "db", statefulset: "postgres" })).toBeNull();
  });
});
