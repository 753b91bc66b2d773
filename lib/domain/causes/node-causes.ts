import { MINUTE_MS } from "../slo.ts";
import type { CauseInput, Evidence, ProbableCause } from "./types.ts";

// The node lifecycle controller marks a node NotReady when its kubelet stops reporting, records
// NodeNotReady on the Node and on each of its pods, and evicts them after the toleration (5 minutes).
// An incident of a workload whose pods were on that node, starting around then, is the node's.
export function nodeNotReadyCause(input: CauseInput): ProbableCause | null {
  const near = (t: number) => t >= input.startedAt - 10 * MINUTE_MS && t <= input.endAt;
  const podEvents = input.events.filter((e) => e.reason === "NodeNotReady" && near(e.firstSeen));
  const nodeEvents = input.nodeEvents.filter((e) => e.reason === "NodeNotReady" && near(e.firstSeen));
  if (podEvents.length === 0 && nodeEvents.length === 0) return null;
  const node = nodeEvents[0]?.involvedName ?? null;
  const evidence: Evidence[] = [
    ...nodeEvents.slice(0, 1).map((e) => ({ source: "node" as const, ts: e.firstSeen, text: `${e.involvedName}: ${e.message}` })),
    ...podEvents.slice(0, 3).map((e) => ({ source: "event" as const, ts: e.firstSeen, text: `${e.involvedKind}/${e.involvedName}: ${e.message}` })),
  ];
  return { kind: "NodeNotReady", title: node ? `Node ${node} stopped reporting (NotReady) and its pods of this workload were lost.` : "A node running this workload's pods went NotReady.", score: 0.9, evidence };
}

// A neighbour is noisy when a pod of another workload with no CPU limit takes most of a shared node's
// CPU during the incident, having used far less before it began. Such a pod is not throttled by the
// kernel, so the victims on that node compete for what is left (and sit at their own limit).
const SATURATED = 0.85;
const HEAVY_SHARE = 0.5;

export function noisyNeighbourCause(input: CauseInput): ProbableCause | null {
  for (const node of input.nodes) {
    if (node.allocatableCpuMillis <= 0) continue;
    const heavy = input.neighbours
      .filter((n) => n.node === node.name && !n.hasCpuLimit && n.cpuMaxMillis >= HEAVY_SHARE * node.allocatableCpuMillis && n.cpuBeforeMillis < n.cpuMaxMillis / 2)
      .sort((a, b) => b.cpuMaxMillis - a.cpuMaxMillis)[0];
    if (!heavy) continue;
    const busy = node.cpuMaxMillis !== null && node.cpuMaxMillis >= SATURATED * node.allocatableCpuMillis;
    const qos = heavy.hasCpuRequest ? "Burstable" : "BestEffort";
    const evidence: Evidence[] = [
      { source: "metric", ts: null, text: `${heavy.workload} (${qos}, no CPU limit) used up to ${Math.round(heavy.cpuMaxMillis)}m of ${node.name}'s ${node.allocatableCpuMillis}m allocatable CPU, up from ${Math.round(heavy.cpuBeforeMillis)}m before` },
    ];
    if (node.cpuMaxMillis !== null) evidence.push({ source: "node", ts: null, text: `${node.name} ran at up to ${Math.round((node.cpuMaxMillis / node.allocatableCpuMillis) * 100)}% of its allocatable CPU` });
    const victim = input.usage.find((u) => u.cpuMaxMillis > 0);
    const limit = input.limits.find((l) => l.name === victim?.container)?.cpuLimitMillis;
    if (victim && limit) evidence.push({ source: "metric", ts: null, text: `${victim.container} used up to ${Math.round(victim.cpuMaxMillis)}m of its ${limit}m CPU limit meanwhile` });
    return { kind: "NoisyNeighbour", title: `${heavy.workload}, with no CPU limit, took most of ${node.name}'s CPU while this workload's pods there slowed down.`, score: busy ? 0.85 : 0.7, evidence };
  }
  return null;
}
