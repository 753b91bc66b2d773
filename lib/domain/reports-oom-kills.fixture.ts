import { availabilityMinutes } from "./availability-sli.ts";
import { availabilitySignals, containerSignals, eventSignals, type Signal, type WorkloadRef } from "./incident-signals.ts";
import { HOUR_MS } from "./slo.ts";
import { pagingSloSignals, sloPageSignals } from "./slo-signals.ts";

const reports: WorkloadRef = { kind: "Deployment", namespace: "shop", name: "reports" };
/** How long reports' only replica is missing after each kill. */
export const REPLICA_BACK_MS = 130_000;

// Test facts: reports as the ingest worker stores it after OOM kills at these cluster times. The container's
// status keeps the latest kill only, kubelet's BackOff is one event row counted at each restart, the replica
// counts drop to 0/1 for 2m10s at each kill, its availability SLO pages at each, and its card pages now.
export function reportsAsStored(kills: readonly number[], now: number): Signal[] {
  const last = kills.at(-1)!;
  const container = {
    namespace: "shop", pod: "reports-5c-x0", container: "reports", workload: reports, podDeleted: false, podSince: kills[0] - HOUR_MS,
    stateReason: null, lastTerminationReason: "OOMKilled", lastTerminatedAt: last,
  };
  const backOff = {
    namespace: "shop", involvedKind: "Pod", involvedName: "reports-5c-x0", reason: "BackOff", message: "Back-off restarting failed container reports",
    count: kills.length, firstSeen: kills[0] + 1000, lastSeen: last + 1000,
  };
  const series = [{ ts: kills[0] - HOUR_MS, desired: 1, available: 1 }, ...kills.flatMap((k) => [{ ts: k, desired: 1, available: 0 }, { ts: k + REPLICA_BACK_MS, desired: 1, available: 1 }])];
  const samples = availabilityMinutes(series, kills[0] - HOUR_MS, now);
  const facts = [
    ...containerSignals([container], now), ...eventSignals([backOff], new Map(), [reports], now), ...availabilitySignals([{ workload: reports, series }], now),
    ...sloPageSignals({ workload: "Deployment/shop/reports", slo: "availability", indicator: "availability", target: 0.999, samples }, now),
  ];
  return [...facts, ...pagingSloSignals([{ workload: "Deployment/shop/reports", slo: "availability", indicator: "availability", fastest: true }], facts, now)];
}
