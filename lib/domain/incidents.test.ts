import { describe, expect, it } from "vitest";
import { availabilitySignals, containerSignals, eventSignals, resolveEventWorkload, type WorkloadRef } from "./incident-signals.ts";
import { groupIncidents, incidentFingerprint, incidentTitle } from "./incidents.ts";
import { MINUTE_MS } from "./slo.ts";

const t0 = Date.UTC(2026, 10, 25, 10, 0);
const at = (min: number) => t0 + min * MINUTE_MS;
const checkout: WorkloadRef = { kind: "Deployment", namespace: "shop", name: "checkout" };
const reports: WorkloadRef = { kind: "Deployment", namespace: "shop", name: "reports" };
const workloads = [checkout, reports, { kind: "Deployment", namespace: "shop", name: "check" }];

function checkoutRolloutSignals(now: number) {
  const backOff = { namespace: "shop", involvedKind: "Pod", involvedName: "checkout-7d9f-abcde", reason: "BackOff", message: "Back-off restarting failed container checkout", count: 30, firstSeen: at(3), lastSeen: at(21) };
  const status = { workload: checkout, series: [{ ts: at(-60), desired: 4, available: 4 }, { ts: at(2), desired: 4, available: 3 }, { ts: at(22), desired: 4, available: 4 }] };
  return [...eventSignals([backOff], new Map(), workloads, now), ...availabilitySignals([status], now)];
}

describe("incident detection", () => {
  it("a bad rollout that crash-loops opens one incident, not one per signal", () => {
    const incidents = groupIncidents(checkoutRolloutSignals(at(15)), at(15));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ workload: "Deployment/shop/checkout", reason: "CrashLoopBackOff", startedAt: at(2), resolvedAt: null });
  });

  it("resolves once checkout is back to 4/4 with no new signal for 5 minutes, dated when service came back", () => {
    expect(groupIncidents(checkoutRolloutSignals(at(25)), at(25))[0].resolvedAt).toBeNull();
    expect(groupIncidents(checkoutRolloutSignals(at(30)), at(30))[0].resolvedAt).toBe(at(22));
  });

  it("blames the OOM kill, the most specific cause, when reports also lost its only replica", () => {
    const containers = [{ namespace: "shop", pod: "reports-5c-x1", container: "reports", workload: reports, podDeleted: false, podSince: at(-120), stateReason: null, lastTerminationReason: "OOMKilled", lastTerminatedAt: at(1) }];
    const status = { workload: reports, series: [{ ts: at(-120), desired: 1, available: 1 }, { ts: at(1), desired: 1, available: 0 }, { ts: at(3), desired: 1, available: 1 }] };
    const incidents = groupIncidents([...containerSignals(containers, at(20)), ...availabilitySignals([status], at(20))], at(20));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ reason: "OOMKilled", startedAt: at(1), resolvedAt: at(3), severity: "sev2" });
  });

  it("a container still crash-looping keeps its incident open", () => {
    const containers = [{ namespace: "shop", pod: "checkout-7d9f-abcde", container: "checkout", workload: checkout, podDeleted: false, podSince: at(0), stateReason: "CrashLoopBackOff", lastTerminationReason: "Error", lastTerminatedAt: at(4) }];
    const [incident] = groupIncidents(containerSignals(containers, at(60)), at(60));
    expect(incident).toMatchObject({ reason: "CrashLoopBackOff", startedAt: at(4), resolvedAt: null });
  });

  it("a crash the analysis clock has not reached yet waits for the next cycle instead of dating the incident early", () => {
    const containers = [{ namespace: "shop", pod: "checkout-7d9f-abcde", container: "checkout", workload: checkout, podDeleted: false, podSince: at(7), stateReason: "CrashLoopBackOff", lastTerminationReason: "Error", lastTerminatedAt: at(8) }];
    expect(containerSignals(containers, at(5))).toEqual([]);
    expect(groupIncidents(containerSignals(containers, at(9)), at(9))[0].startedAt).toBe(at(8));
  });

  it("ignores a brief dip in availability during a healthy rolling update", () => {
    const status = { workload: checkout, series: [{ ts: at(0), desired: 4, available: 4 }, { ts: at(1), desired: 4, available: 3 }, { ts: at(2), desired: 4, available: 4 }] };
    expect(groupIncidents(availabilitySignals([status], at(30)), at(30))).toEqual([]);
  });

  it("opens an incident for replicas missing for longer than 5 minutes", () => {
    const status = { workload: checkout, series: [{ ts: at(0), desired: 4, available: 2 }] };
    expect(groupIncidents(availabilitySignals([status], at(10)), at(10))[0]).toMatchObject({ reason: "Unavailable", worst: { available: 2, desired: 4 } });
  });

  it("separate outages an hour apart are separate incidents", () => {
    const signals = [at(0), at(60)].map((ts) => ({ workload: "Deployment/shop/reports", reason: "OOMKilled" as const, from: ts, to: ts + 2 * MINUTE_MS, source: "termination" as const, detail: "x" }));
    expect(groupIncidents(signals, at(120))).toHaveLength(2);
  });

  it("one BackOff event repeated at each hourly OOM restart stays separate moments, not a two-hour incident", () => {
    const backOff = { namespace: "shop", involvedKind: "Pod", involvedName: "reports-5c-x1", reason: "BackOff", message: "Back-off restarting failed container reports", count: 3, firstSeen: at(0), lastSeen: at(120) };
    const incidents = groupIncidents(eventSignals([backOff], new Map(), workloads, at(180)), at(180));
    expect(incidents.map((i) => [i.startedAt, i.resolvedAt])).toEqual([[at(0), at(0)], [at(120), at(120)]]);
  });

  it("replicas lost with a node that stopped reporting are a NodeNotReady incident, titled as such", () => {
    const lost = { namespace: "shop", involvedKind: "Pod", involvedName: "checkout-7d9f-abcde", reason: "NodeNotReady", message: "Node is not ready", count: 1, firstSeen: at(1), lastSeen: at(1) };
    const status = { workload: checkout, series: [{ ts: at(0), desired: 4, available: 4 }, { ts: at(1), desired: 4, available: 3 }, { ts: at(7), desired: 4, available: 4 }] };
    const [incident] = groupIncidents([...eventSignals([lost], new Map(), workloads, at(20)), ...availabilitySignals([status], at(20))], at(20));
    expect(incident).toMatchObject({ reason: "NodeNotReady", startedAt: at(1), resolvedAt: at(7) });
    expect(incidentTitle("checkout", incident.reason)).toBe("checkout lost replicas on a node that stopped reporting (NodeNotReady)");
  });

  it("a BackOff event repeating every minute is continuous trouble from first to last seen", () => {
    const backOff = { namespace: "shop", involvedKind: "Pod", involvedName: "checkout-7d9f-abcde", reason: "BackOff", message: "Back-off restarting failed container checkout", count: 21, firstSeen: at(0), lastSeen: at(20) };
    const incidents = groupIncidents(eventSignals([backOff], new Map(), workloads, at(60)), at(60));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ startedAt: at(0), resolvedAt: at(20) });
  });

  it("reads kubelet's Failed event about a missing ConfigMap key or Secret as CreateContainerConfigError", () => {
    const failed = (message: string) => ({ namespace: "shop", involvedKind: "Pod", involvedName: "checkout-7d9f-abcde", reason: "Failed", message, count: 4, firstSeen: at(0), lastSeen: at(3) });
    const messages = ["Error: couldn't find key DATABASE_URL in ConfigMap shop/checkout-config", 'Error: secret "checkout-db" not found', 'Error: configmap "checkout-config" not found'];
    const signals = eventSignals(messages.map(failed), new Map(), workloads, at(10));
    expect(signals.map((s) => s.reason)).toEqual(["CreateContainerConfigError", "CreateContainerConfigError", "CreateContainerConfigError"]);
    // A container that exits with an error is a crash, not a configuration problem.
    expect(eventSignals([failed("Error: failed to start container: exit status 1")], new Map(), workloads, at(10))).toEqual([]);
  });

  it("finds the workload of a pod it never saw by the longest name prefix", () => {
    const e = { namespace: "shop", involvedKind: "Pod", involvedName: "checkout-7d9f-abcde" };
    expect(resolveEventWorkload(e, new Map(), workloads)?.name).toBe("checkout");
    expect(resolveEventWorkload({ ...e, involvedKind: "ReplicaSet", involvedName: "checkout-7d9f" }, new Map(), workloads)?.name).toBe("checkout");
  });

  it("titles and fingerprints name the workload and the symptom", () => {
    expect(incidentTitle("checkout", "CrashLoopBackOff")).toBe("checkout is crash-looping (CrashLoopBackOff)");
    expect(incidentFingerprint("demo", "Deployment/shop/checkout", "CrashLoopBackOff")).toBe("demo/Deployment/shop/checkout/CrashLoopBackOff");
  });
});
