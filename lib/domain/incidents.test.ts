import { describe, expect, it } from "vitest";
import { availabilitySignals, containerSignals, eventSignals, resolveEventWorkload, type WorkloadRef } from "./incident-signals.ts";
import { groupIncidents, incidentFingerprint, incidentTitle } from "./incidents.ts";
import { MINUTE_MS } from "./slo.ts";
import { REPLICA_BACK_MS, reportsAsStored } from "./reports-oom-kills.fixture.ts";

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

  it("different troubles an hour apart are separate incidents", () => {
    const signal = (ts: number, reason: "OOMKilled" | "ImagePullBackOff") => ({ workload: "Deployment/shop/reports", reason, from: ts, to: ts + 2 * MINUTE_MS, source: "container" as const, detail: reason });
    expect(groupIncidents([signal(at(0), "OOMKilled"), signal(at(60), "ImagePullBackOff")], at(120)).map((i) => i.reason)).toEqual(["OOMKilled", "ImagePullBackOff"]);
  });

  it("one BackOff event repeated at each hourly OOM restart stays separate occurrences, not a two-hour outage", () => {
    const backOff = { namespace: "shop", involvedKind: "Pod", involvedName: "reports-5c-x1", reason: "BackOff", message: "Back-off restarting failed container reports", count: 3, firstSeen: at(0), lastSeen: at(120) };
    const [incident, ...rest] = groupIncidents(eventSignals([backOff], new Map(), workloads, at(180)), at(180));
    expect(rest).toEqual([]);
    expect(incident.occurrences.map((o) => [o.startedAt, o.resolvedAt])).toEqual([[at(0), at(0)], [at(120), at(120)]]);
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

// reports is OOM-killed, restarted 10 s later and ready 30 s after that: replicas 0/1 for 40 s each time.
function oomKills(minutes: readonly number[], now: number) {
  const containers = minutes.map((m, i) => ({
    namespace: "shop", pod: `reports-5c-x${i}`, container: "reports", workload: reports, podDeleted: false, podSince: at(-600),
    stateReason: null, lastTerminationReason: "OOMKilled", lastTerminatedAt: at(m),
  }));
  const series = [{ ts: at(-600), desired: 1, available: 1 }, ...minutes.flatMap((m) => [{ ts: at(m), desired: 1, available: 0 }, { ts: at(m) + 40_000, desired: 1, available: 1 }])];
  return [...containerSignals(containers, now), ...availabilitySignals([{ workload: reports, series }], now)];
}

describe("detection time", () => {
  // The demo replays at 720x with an analysis every 2 wall seconds: 24 cluster-minutes between cycles.
  it("an OOM kill is detected when it happened, not when the next analysis cycle ran 24 minutes later", () => {
    const [incident] = groupIncidents(oomKills([1], at(25)), at(25));
    expect(incident).toMatchObject({ startedAt: at(1), detectedAt: at(1), resolvedAt: at(1) + 40_000 });
  });

  it("gives the same detection time whether the analyzer runs every minute or every 24", () => {
    const everyMinute = Array.from({ length: 30 }, (_, m) => groupIncidents(oomKills([1], at(m + 1)), at(m + 1))[0]?.detectedAt).filter((t) => t !== undefined);
    expect(new Set(everyMinute)).toEqual(new Set([groupIncidents(oomKills([1], at(25)), at(25))[0].detectedAt]));
  });

  it("missing replicas alone are detected once they have been missing 5 minutes, the rule's own delay", () => {
    const status = { workload: checkout, series: [{ ts: at(0), desired: 4, available: 4 }, { ts: at(3), desired: 4, available: 2 }, { ts: at(20), desired: 4, available: 4 }] };
    const [incident] = groupIncidents(availabilitySignals([status], at(48)), at(48));
    expect(incident).toMatchObject({ startedAt: at(3), detectedAt: at(8), resolvedAt: at(20) });
  });

  it("is never before the start nor after the recovery, so time to detect never exceeds time to resolve", () => {
    const incidents = groupIncidents([...checkoutRolloutSignals(at(48)), ...oomKills([5, 70, 200], at(300))], at(300));
    expect(incidents.length).toBeGreaterThan(1);
    for (const i of incidents) {
      expect(i.detectedAt).toBeGreaterThanOrEqual(i.startedAt);
      expect(i.detectedAt).toBeLessThanOrEqual(i.resolvedAt!);
    }
  });
});

describe("a recurring trouble", () => {
  const kills = [0, 61, 122, 183, 244, 308];

  it("six OOM kills an hour apart are one incident with six occurrences, not six cards", () => {
    const incidents = groupIncidents(oomKills(kills, at(400)), at(400));
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident.reason).toBe("OOMKilled");
    expect(incident.occurrences.map((o) => o.startedAt)).toEqual(kills.map(at));
    // Resolved when the last occurrence recovered; detected with the first.
    expect(incident).toMatchObject({ startedAt: at(0), detectedAt: at(0), resolvedAt: at(308) + 40_000 });
  });

  it("the availability page that stays up between the kills is that OOM incident, not an Unavailable incident beside it", () => {
    const page = { workload: "Deployment/shop/reports", reason: "Unavailable" as const, source: "slo" as const, restatesFacts: true as const };
    const paged = [{ ...page, from: at(30), to: at(31), visibleAt: at(31), detail: "availability SLO paged" }, { ...page, from: at(150), to: at(151), detail: "availability SLO is paging" }];
    const incidents = groupIncidents([...oomKills(kills, at(400)), ...paged], at(400));
    expect(incidents.map((i) => [i.reason, i.occurrences.length])).toEqual([["OOMKilled", 6]]);
  });

  it("is open again while its latest occurrence lasts", () => {
    const [incident] = groupIncidents(oomKills(kills, at(308) + 20_000), at(308) + 20_000);
    expect(incident.occurrences).toHaveLength(6);
    expect(incident.resolvedAt).toBeNull();
  });

  it("a kill after more than six calm hours is news: a new incident", () => {
    const incidents = groupIncidents(oomKills([0, 61, 61 + 7 * 60], at(600)), at(600));
    expect(incidents.map((i) => i.occurrences.length)).toEqual([2, 1]);
  });

  it("reports killed six times reads ×6 when the cluster keeps only the latest kill, each lasting as long as its replica was missing", () => {
    const now = at(kills.at(-1)! + 5);
    const signals = reportsAsStored(kills.map(at), now);
    const [incident, ...rest] = groupIncidents(signals, now);
    expect(rest).toEqual([]);
    expect(incident.reason).toBe("OOMKilled");
    expect(incident.occurrences.map((o) => o.startedAt)).toEqual(kills.map(at));
    // No occurrence spans the hour to the next kill: each ends with the minute its replica came back in
    // (the page's minute-grained impact outlasts the 2m10s outage by the rest of that minute).
    const backWithin = Math.ceil(REPLICA_BACK_MS / MINUTE_MS) * MINUTE_MS;
    expect(incident.occurrences.slice(0, -1).map((o) => o.resolvedAt! - o.startedAt)).toEqual(kills.slice(0, -1).map(() => backWithin));
    // The availability page still up keeps the incident, and its latest occurrence, open.
    expect(incident.resolvedAt).toBeNull();
  });

  it("kills the container's status no longer shows, seen as a crash loop between them, count as occurrences of the same trouble", () => {
    const backOff = { namespace: "shop", involvedKind: "Pod", involvedName: "reports-5c-x0", reason: "BackOff", message: "Back-off restarting failed container reports", count: 1, firstSeen: at(0), lastSeen: at(0) };
    const signals = [...eventSignals([backOff], new Map(), workloads, at(200)), ...oomKills([61], at(200))];
    const [incident, ...rest] = groupIncidents(signals, at(200));
    expect(rest).toEqual([]);
    expect(incident.reason).toBe("OOMKilled");
    expect(incident.occurrences.map((o) => o.reason)).toEqual(["CrashLoopBackOff", "OOMKilled"]);
  });
});
