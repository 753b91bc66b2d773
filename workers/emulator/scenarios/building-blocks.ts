import { iso } from "../clock.ts";
import { uuid, type Rng } from "../random.ts";
import type { KObj } from "../store.ts";
import type { Cluster } from "../sim/cluster.ts";

// The pieces every Uptrust scenario is built from: the shop's namespaces, its nodes, its Deployments
// and the log formats its users read. The demo uses them in a fixed order; seeds depend on it.

export const MIN = 60_000;
export const REGISTRY = "registry.example.com/shop";
export const NODE = { cpu: "4", memory: "16Gi", kubeletVersion: "v1.32.3" } as const;

export type AppSpec = {
  namespace: string;
  name: string;
  replicas: number;
  image: string;
  resources: Record<string, Record<string, string>>;
  readinessDelay?: number;
  /** Extra container fields (env, ports) and pod fields (nodeSelector, tolerations). */
  container?: Record<string, unknown>;
  pod?: Record<string, unknown>;
  templateAnnotations?: Record<string, string>;
};

/**
 * Where a story's moment falls on the scenario clock: `beforeLive` minutes before the clock meets the
 * wall clock, or `minOffset` minutes after the start when the lead is too short (tests).
 */
export const offsetBeforeLive = (leadMinutes: number, beforeLive: number, minOffset = 2) => Math.max(minOffset, leadMinutes - beforeLive);

export const atOffset = (start: Date | undefined, minutes: number) => (start ? new Date(start.getTime() + minutes * MIN).toISOString() : undefined);

export const between = (rng: Rng, [lo, hi]: readonly [number, number]) => lo + rng.next() * (hi - lo);

export function deployment(rng: Rng, app: AppSpec, created: number): KObj {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: app.name, namespace: app.namespace, uid: uuid(rng), creationTimestamp: iso(created), labels: { app: app.name }, annotations: { "deployment.kubernetes.io/revision": "1" } },
    spec: {
      replicas: app.replicas,
      selector: { matchLabels: { app: app.name } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        metadata: { labels: { app: app.name }, ...(app.templateAnnotations ? { annotations: app.templateAnnotations } : {}) },
        spec: {
          containers: [
            {
              name: app.name,
              image: app.image,
              resources: app.resources,
              ...(app.readinessDelay ? { readinessProbe: { httpGet: { path: "/healthz", port: 8080 }, initialDelaySeconds: app.readinessDelay, periodSeconds: 10 } } : {}),
              ...app.container,
            },
          ],
          ...app.pod,
        },
      },
    },
    status: {},
  };
}

export function installNamespaces(cluster: Cluster, names: readonly string[], t0: number) {
  const { store, rng } = cluster.sim;
  const longAgo = t0 - 30 * 24 * 60 * MIN;
  for (const ns of names) {
    store.create(
      "namespaces",
      { apiVersion: "v1", kind: "Namespace", metadata: { name: ns, uid: uuid(rng), creationTimestamp: iso(longAgo), labels: { "kubernetes.io/metadata.name": ns } }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } },
      { manager: "kubectl-client-side-apply", time: t0 },
    );
  }
}

export function installNodes(cluster: Cluster, names: readonly string[], t0: number) {
  const { store, rng } = cluster.sim;
  const longAgo = t0 - 30 * 24 * 60 * MIN;
  names.forEach((name, i) => {
    const capacity = { cpu: NODE.cpu, memory: NODE.memory, pods: "110", "ephemeral-storage": "100Gi" };
    store.create(
      "nodes",
      {
        apiVersion: "v1",
        kind: "Node",
        metadata: { name, uid: uuid(rng), creationTimestamp: iso(longAgo), labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64", "node.kubernetes.io/instance-type": "m6i.xlarge" } },
        spec: { podCIDR: `10.244.${i}.0/24` },
        status: {
          capacity,
          allocatable: capacity,
          conditions: [
            { type: "MemoryPressure", status: "False", reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available", lastHeartbeatTime: iso(t0), lastTransitionTime: iso(longAgo) },
            { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status", lastHeartbeatTime: iso(t0), lastTransitionTime: iso(longAgo) },
          ],
          addresses: [{ type: "InternalIP", address: `10.0.0.${10 + i}` }, { type: "Hostname", address: name }],
          nodeInfo: { kubeletVersion: NODE.kubeletVersion, kubeProxyVersion: NODE.kubeletVersion, osImage: "Ubuntu 24.04.1 LTS", containerRuntimeVersion: "containerd://1.7.24", kernelVersion: "6.8.0-1021-aws", operatingSystem: "linux", architecture: "amd64" },
        },
      },
      { manager: "kubelet", time: t0 },
    );
  });
}

export function installDeployments(cluster: Cluster, apps: readonly AppSpec[], t0: number) {
  for (const app of apps) cluster.sim.store.create("deployments", deployment(cluster.sim.rng, app, t0), { manager: "kubectl-client-side-apply", time: t0 });
}

/** Changes a Deployment's pod template as `kubectl apply` or `kubectl rollout undo` would, at a scenario time. */
export function editTemplateAt(cluster: Cluster, time: number, namespace: string, name: string, manager: string, edit: (template: KObj["spec"]) => void) {
  const { store, sched } = cluster.sim;
  sched.at(time, () => store.update("deployments", namespace, name, { manager, time: sched.now() }, (d) => edit(d.spec.template)));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Common Log Format time, as nginx prints it in access logs. */
export function clf(t: number) {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
