import { defaultTolerations, loseNode, NODE_MONITOR_GRACE_SECONDS, DEFAULT_TOLERATION_SECONDS, UNREACHABLE } from "../sim/node-lifecycle.ts";
import { MIN, offsetBeforeLive } from "./building-blocks.ts";
import { DEMO } from "./demo.ts";
import { DEFAULT_LEAD_MINUTES, expectIncident, expectSloImpact, type Scenario, type ScenarioTruth } from "./ground-truth.ts";
import { baseApps, installShop, shopBehavior } from "./shop.ts";

/** node-b's kubelet goes silent for 30 minutes; its pods are evicted after 5 minutes and start elsewhere. */
export const NODE_LOSS = { node: "node-b", lostMinutesBeforeLive: 80, downMinutes: 30 } as const;

export function nodeLossTimeline(leadMinutes: number) {
  const lost = offsetBeforeLive(leadMinutes, NODE_LOSS.lostMinutesBeforeLive, 5);
  const notReady = lost + NODE_MONITOR_GRACE_SECONDS / 60;
  return { lostOffsetMinutes: lost, notReadyOffsetMinutes: notReady, evictOffsetMinutes: notReady + DEFAULT_TOLERATION_SECONDS / 60, backOffsetMinutes: lost + NODE_LOSS.downMinutes };
}

export const nodeNotReady: Scenario = {
  description: "node-b stops reporting: Ready Unknown, unreachable taint, pods evicted by the taint manager and rescheduled",
  install(cluster, timing) {
    const apps = baseApps().map((a) => ({ ...a, pod: { tolerations: defaultTolerations() } }));
    installShop(cluster, timing, { apps });
    const tl = nodeLossTimeline(timing.leadMinutes);
    loseNode(cluster.sim, cluster.kubelet, NODE_LOSS.node, timing.start + tl.lostOffsetMinutes * MIN, timing.start + tl.backOffsetMinutes * MIN);
  },
  behaviorFor: (pod) => shopBehavior(pod),
  groundTruth(opts = {}): ScenarioTruth {
    const lead = opts.leadMinutes ?? DEFAULT_LEAD_MINUTES;
    const tl = nodeLossTimeline(lead);
    // The scheduler puts each Deployment's pods on the least-loaded node, so every one of them has a
    // replica on node-b: all three lose capacity until the evicted pods run elsewhere.
    const affected = [DEMO.frontend, DEMO.checkout, DEMO.coredns];
    // Replacements start within a minute of the eviction.
    const window = { fromOffsetMinutes: tl.lostOffsetMinutes, toOffsetMinutes: tl.evictOffsetMinutes + 1 };
    const cause = { kind: "NodeNotReady" as const, evidence: "node-condition", node: NODE_LOSS.node, taint: `${UNREACHABLE}:NoExecute`, eviction: "TaintManagerEviction", notReadyAtOffsetMinutes: tl.notReadyOffsetMinutes };
    return {
      scenario: "node-not-ready",
      leadMinutes: lead,
      // Raised as missing replicas (availability); the node is its probable cause.
      incidents: affected.map((a) => expectIncident(a, { id: `${a.name}-node-lost`, signal: "NodeNotReady", window, cause }, opts.scenarioStart)),
      slo: affected.map((a) => expectSloImpact(a, "availability", window)),
      rightsizing: [],
      healthy: [],
    };
  },
};
