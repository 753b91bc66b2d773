// Which containers' logs to follow, when a cluster has more containers than followers allowed
// (UPTRUST_LOG_MAX_FOLLOWERS). A container that restarted is followed first, wherever it runs: its
// crash is what an SRE reads logs for. Next the containers of pods the cluster recently warned about
// (failing probes, back-off, mounts): they are in trouble before they restart. Then the running
// containers of the chosen workloads
// (UPTRUST_LOG_WORKLOADS, "namespace/name" patterns with *; a bare * namespace never matches
// kube-system, whose chatter would take the budget; its resolver is chosen regardless). The plan is deterministic, so a reconcile that
// changes nothing stops nothing.

export type LogPod = {
  uid: string;
  namespace: string;
  name: string;
  phase: string;
  workloadName: string | undefined;
  /** The cluster recorded a Warning event about this pod lately. */
  warned: boolean;
  containers: { name: string; containerId: string | null; restartCount: number; running: boolean }[];
};

export type FollowTarget = { key: string; namespace: string; pod: string; container: string; instance: string; running: boolean; priority: number };

export type WorkloadPattern = { namespace: RegExp; name: RegExp; namespaceIsWildcard: boolean };

const NAME = /^[a-z0-9*]([a-z0-9.*-]*[a-z0-9*])?$/;
const glob = (p: string) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*")}$`);

/** "shop/*, payments/ledger": throws with the entry to fix when one is not namespace/name. */
export function parseWorkloadPatterns(spec: string): WorkloadPattern[] {
  return spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [ns, name, extra] = entry.split("/");
      if (extra !== undefined || !ns || !name || !NAME.test(ns) || !NAME.test(name)) {
        throw new Error(`"${entry}" is not namespace/name (lower-case names, * as wildcard), e.g. shop/checkout or payments/*`);
      }
      return { namespace: glob(ns), name: glob(name), namespaceIsWildcard: ns === "*" };
    });
}

// The cluster resolver is always followed: when lookups fail, its errors are half of the evidence, and
// by default it logs little besides them.
const CLUSTER_DNS = new Set(["coredns", "kube-dns"]);
const isClusterDns = (pod: LogPod) => pod.namespace === "kube-system" && CLUSTER_DNS.has(pod.workloadName ?? "");

function chosen(pod: LogPod, patterns: WorkloadPattern[]): boolean {
  const name = pod.workloadName ?? pod.name;
  if (isClusterDns(pod)) return true;
  return patterns.some((p) => p.namespace.test(pod.namespace) && p.name.test(name) && !(p.namespaceIsWildcard && pod.namespace === "kube-system"));
}

/** follow: at most `cap` targets, restarted first; waiting: how many wanted following but did not fit. */
export function followPlan(pods: Iterable<LogPod>, patterns: WorkloadPattern[], cap: number): { follow: FollowTarget[]; waiting: number } {
  const targets: FollowTarget[] = [];
  for (const pod of pods) {
    const isChosen = pod.phase === "Running" && chosen(pod, patterns);
    for (const c of pod.containers) {
      // 0: restarted, 1: warned about, 2: chosen; a container that never started has no log to read.
      const priority = c.restartCount > 0 ? 0 : pod.warned && c.containerId ? 1 : isChosen && c.containerId ? 2 : -1;
      if (priority < 0) continue;
      targets.push({
        key: `${pod.namespace}/${pod.name}/${c.name}`,
        namespace: pod.namespace,
        pod: pod.name,
        container: c.name,
        instance: `${pod.uid}/${c.containerId ?? ""}#${c.restartCount}`,
        running: c.running,
        priority,
      });
    }
  }
  targets.sort((a, b) => a.priority - b.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const follow = targets.slice(0, Math.max(0, cap));
  return { follow, waiting: targets.length - follow.length };
}
