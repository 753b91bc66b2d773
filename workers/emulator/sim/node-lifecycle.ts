import { iso } from "../clock.ts";
import type { KObj } from "../store.ts";
import type { Sim } from "./context.ts";
import type { Kubelet } from "./kubelet.ts";

const SEC = 1000;
/** node-monitor-grace-period of Kubernetes 1.32: how long a silent kubelet is trusted. */
export const NODE_MONITOR_GRACE_SECONDS = 50;
/** The DefaultTolerationSeconds admission gives every pod 300 s on an unreachable node. */
export const DEFAULT_TOLERATION_SECONDS = 300;
export const UNREACHABLE = "node.kubernetes.io/unreachable";

const nodeController = { component: "node-controller" };
const KCM = "kube-controller-manager";

/** The tolerations the DefaultTolerationSeconds admission plugin adds to every pod. */
export const defaultTolerations = (seconds = DEFAULT_TOLERATION_SECONDS) => [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: seconds },
  { key: UNREACHABLE, operator: "Exists", effect: "NoExecute", tolerationSeconds: seconds },
];

const tolerationSeconds = (pod: KObj) =>
  (pod.spec.tolerations ?? []).find((t: { key?: string; effect?: string }) => t.key === UNREACHABLE && t.effect === "NoExecute")?.tolerationSeconds ?? DEFAULT_TOLERATION_SECONDS;

const podsOn = (sim: Sim, node: string) => sim.store.list("pods").filter((p) => p.spec.nodeName === node);

/**
 * A node whose kubelet stops posting status at `lostAt` (power loss, network partition) and comes back
 * at `backAt`: the node lifecycle controller marks it Unknown after the grace period, taints it
 * unreachable and marks its pods not ready; the taint eviction controller deletes each pod once its
 * toleration runs out, and the ReplicaSets start replacements on the healthy nodes. Pods stay
 * Terminating until the kubelet is back to confirm, as on a real cluster.
 */
export function loseNode(sim: Sim, kubelet: Kubelet, name: string, lostAt: number, backAt: number) {
  const { sched, store, events } = sim;
  sched.at(lostAt, () => kubelet.stopNode(name));
  sched.at(lostAt + NODE_MONITOR_GRACE_SECONDS * SEC, () => {
    const t = sched.now();
    const node = store.update("nodes", undefined, name, { manager: KCM, time: t, subresource: "status" }, (n) => {
      for (const c of n.status.conditions) {
        c.status = "Unknown";
        c.reason = "NodeStatusUnknown";
        c.message = "Kubelet stopped posting node status.";
        c.lastTransitionTime = iso(t);
      }
    })!;
    events.record(t, node, "Normal", "NodeNotReady", `Node ${name} status is now: NodeNotReady`, nodeController);
    store.update("nodes", undefined, name, { manager: KCM, time: t }, (n) => {
      n.spec.taints = [
        { key: UNREACHABLE, effect: "NoSchedule", timeAdded: iso(t) },
        { key: UNREACHABLE, effect: "NoExecute", timeAdded: iso(t) },
      ];
    });
    for (const pod of podsOn(sim, name)) {
      const marked = store.update("pods", pod.metadata.namespace, pod.metadata.name, { manager: KCM, time: t, subresource: "status" }, (p) => {
        for (const c of p.status.conditions ?? []) if (c.type === "Ready" || c.type === "ContainersReady") Object.assign(c, { status: "False", lastTransitionTime: iso(t) });
        if (p.status.containerStatuses?.[0]) p.status.containerStatuses[0].ready = false;
      })!;
      events.record(t, marked, "Warning", "NodeNotReady", "Node is not ready", nodeController);
      sched.after(tolerationSeconds(pod) * SEC, () => evict(sim, kubelet, pod.metadata.namespace!, pod.metadata.name, name));
    }
  });
  sched.at(backAt, () => {
    const t = sched.now();
    const node = store.update("nodes", undefined, name, { manager: "kubelet", time: t, subresource: "status" }, (n) => {
      for (const c of n.status.conditions) {
        const ready = c.type === "Ready";
        Object.assign(c, {
          status: ready ? "True" : "False",
          reason: ready ? "KubeletReady" : "KubeletHasSufficientMemory",
          message: ready ? "kubelet is posting ready status" : "kubelet has sufficient memory available",
          lastHeartbeatTime: iso(t),
          lastTransitionTime: iso(t),
        });
      }
    })!;
    events.record(t, node, "Normal", "NodeReady", `Node ${name} status is now: NodeReady`, { component: "kubelet", host: name });
    store.update("nodes", undefined, name, { manager: KCM, time: t }, (n) => {
      delete n.spec.taints;
    });
    // The returning kubelet confirms what was evicted while it was away.
    for (const pod of podsOn(sim, name)) if (pod.metadata.deletionTimestamp) kubelet.forgetPod(pod);
  });
}

function evict(sim: Sim, kubelet: Kubelet, namespace: string, podName: string, nodeName: string) {
  const node = sim.store.get("nodes", undefined, nodeName);
  const pod = sim.store.get("pods", namespace, podName);
  if (!pod || pod.metadata.deletionTimestamp || !node?.spec.taints?.some((t: { key: string }) => t.key === UNREACHABLE)) return;
  const t = sim.sched.now();
  sim.events.record(t, pod, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${namespace}/${podName}`, { component: "taint-eviction-controller" });
  sim.store.update("pods", namespace, podName, { manager: KCM, time: t }, (p) => {
    p.metadata.deletionTimestamp = iso(t + 30 * SEC);
    p.metadata.deletionGracePeriodSeconds = 30;
  });
  sim.store.update("pods", namespace, podName, { manager: KCM, time: t, subresource: "status" }, (p) => {
    p.status.conditions = [
      ...(p.status.conditions ?? []),
      { type: "DisruptionTarget", status: "True", lastProbeTime: null, lastTransitionTime: iso(t), reason: "DeletionByTaintManager", message: "Taint manager: deleting due to NoExecute taint" },
    ];
  });
}
