import { bootedAt } from "./ground-truth.ts";
import { iso } from "../clock.ts";
import { fnv1a, uuid, type Rng } from "../random.ts";
import type { KObj } from "../store.ts";
import type { Behavior } from "../sim/context.ts";
import type { Cluster } from "../sim/cluster.ts";

const MIN = 60_000;
const REGISTRY = "registry.example.com/fleet";

export type ScaleSize = { nodes: number; deployments: number; podsPerDeployment: number };

/** A large, healthy fleet: 10,000 pods across 500 deployments on 100 nodes. */
export const SCALE_SIZE: ScaleSize = { nodes: 100, deployments: 500, podsPerDeployment: 20 };

/** A fleet of about `pods` pods in the same proportions: 20 pods a Deployment, 100 pods a node. */
export const fleetOfPods = (pods: number): ScaleSize => ({
  nodes: Math.max(1, Math.round(pods / 100)),
  deployments: Math.max(1, Math.round(pods / SCALE_SIZE.podsPerDeployment)),
  podsPerDeployment: SCALE_SIZE.podsPerDeployment,
});

export const SCALE = {
  namespaces: 50,
  /** One deployment in this many leaks memory, so its pods are OOM-killed and restart now and then. */
  leakyEvery: 50,
  rolloutEveryMinutes: 10,
  /** Events older than this are deleted, like the API server's default --event-ttl of 1h. */
  eventTtlMinutes: 60,
} as const;

const namespaceOf = (i: number) => `team-${String(i % SCALE.namespaces).padStart(2, "0")}`;
const deploymentName = (i: number) => `svc-${String(i).padStart(4, "0")}`;
const nodeName = (i: number) => `node-${String(i).padStart(3, "0")}`;
const indexOfImage = (image: string) => Number(/svc-(\d+):/.exec(image)?.[1] ?? 0);

/** Steady services that log rarely; a few leak memory so watches carry restarts as well as rollouts. */
export function scaleBehavior(pod: KObj): Behavior {
  const image: string = pod.spec.containers[0].image;
  const leaky = indexOfImage(image) % SCALE.leakyEvery === SCALE.leakyEvery - 1;
  return {
    readySeconds: 5,
    logEverySeconds: 900,
    logLine: (rng) => JSON.stringify({ level: "info", msg: "request served", latency_ms: rng.int(2, 90) }),
    cpuMilli: [20, 60],
    memoryMi: [60, 90],
    ...(leaky ? { leak: { limitMi: 256, oomMinutes: [45, 120] as [number, number] } } : {}),
  };
}
export const behaviorFor = scaleBehavior;

function node(i: number, t: number): KObj {
  const name = nodeName(i);
  const capacity = { cpu: "16", memory: "64Gi", pods: "250", "ephemeral-storage": "200Gi" };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, uid: `node-${fnv1a(name).toString(16)}`, creationTimestamp: iso(t), labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "node.kubernetes.io/instance-type": "m6i.4xlarge" } },
    spec: { podCIDR: `10.${64 + (i >> 8)}.${i & 255}.0/24` },
    status: {
      capacity,
      allocatable: capacity,
      conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status", lastHeartbeatTime: iso(t), lastTransitionTime: iso(t) }],
      addresses: [{ type: "InternalIP", address: `10.1.${i >> 8}.${i & 255}` }, { type: "Hostname", address: name }],
      nodeInfo: { kubeletVersion: "v1.32.3", kubeProxyVersion: "v1.32.3", osImage: "Ubuntu 24.04.1 LTS", containerRuntimeVersion: "containerd://1.7.24", kernelVersion: "6.8.0-1021-aws", operatingSystem: "linux", architecture: "amd64" },
    },
  };
}

function deployment(rng: Rng, i: number, replicas: number, t: number): KObj {
  const name = deploymentName(i);
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: namespaceOf(i), uid: uuid(rng), creationTimestamp: iso(t), labels: { app: name }, annotations: { "deployment.kubernetes.io/revision": "1" } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image: `${REGISTRY}/${name}:1.0.0`, resources: { requests: { cpu: "50m", memory: "96Mi" }, limits: { memory: "256Mi" } } }] },
      },
    },
    status: {},
  };
}

/**
 * Builds the fleet so that it runs by `start`, and keeps it busy: the controllers and kubelet start every pod, leaky
 * services restart now and then, one deployment rolls out a new version every few minutes, and old
 * events expire.
 */
export function installScale(cluster: Cluster, opts: Partial<ScaleSize> & { start: number }) {
  const size = { ...SCALE_SIZE, ...opts };
  const { store, rng, sched } = cluster.sim;
  const t0 = bootedAt(opts.start);
  const setup = { manager: "kubectl-client-side-apply", time: t0 };
  const longAgo = t0 - 30 * 24 * 60 * MIN;
  for (let n = 0; n < Math.min(SCALE.namespaces, size.deployments); n++) {
    const name = namespaceOf(n);
    store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name, uid: uuid(rng), creationTimestamp: iso(longAgo), labels: { "kubernetes.io/metadata.name": name } }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } }, setup);
  }
  for (let i = 0; i < size.nodes; i++) store.create("nodes", node(i, longAgo), { manager: "kubelet", time: t0 });
  for (let i = 0; i < size.deployments; i++) store.create("deployments", deployment(rng, i, size.podsPerDeployment, longAgo), setup);

  const rollout = () => {
    const i = rng.int(0, size.deployments - 1);
    store.update("deployments", namespaceOf(i), deploymentName(i), { manager: "kubectl-client-side-apply", time: sched.now() }, (d) => {
      const c = d.spec.template.spec.containers[0];
      const [major, minor] = c.image.split(":")[1].split(".").map(Number);
      c.image = `${REGISTRY}/${deploymentName(i)}:${major}.${minor + 1}.0`;
    });
    sched.after(SCALE.rolloutEveryMinutes * MIN, rollout);
  };
  sched.at(t0 + SCALE.rolloutEveryMinutes * MIN, rollout);

  const expireEvents = () => {
    const cutoff = iso(sched.now() - SCALE.eventTtlMinutes * MIN);
    for (const e of store.list("events")) if (e.lastTimestamp < cutoff) store.delete("events", e.metadata.namespace, e.metadata.name);
    sched.after(5 * MIN, expireEvents);
  };
  sched.at(t0 + 5 * MIN, expireEvents);
}

/**
 * Load for watch benchmarks: `count` pod updates at once, spread over the fleet, each a real
 * MODIFIED with a new resourceVersion that every pod watcher receives.
 */
export function burstPodUpdates(cluster: Cluster, count: number) {
  const { store, sched } = cluster.sim;
  const pods = store.list("pods");
  if (!pods.length) return 0;
  const t = sched.now();
  for (let n = 0; n < count; n++) {
    const p = pods[n % pods.length];
    store.update("pods", p.metadata.namespace, p.metadata.name, { manager: "uptrust-bench", time: t }, (pod) => {
      pod.metadata.annotations = { ...pod.metadata.annotations, "uptrust.dev/heartbeat": String(n) };
    });
  }
  return count;
}

let benchEvents = 0;
/** Load for ingest benchmarks: `count` new Warning events now, each with its own message (so none is folded into another's count). */
export function burstEvents(cluster: Cluster, count: number) {
  const { store, sched, events } = cluster.sim;
  const pods = store.list("pods");
  if (!pods.length) return 0;
  for (let n = 0; n < count; n++) {
    const seq = ++benchEvents;
    events.record(sched.now(), pods[seq % pods.length], "Warning", "UptrustBench", `benchmark event ${seq}`, { component: "uptrust-bench" });
  }
  return count;
}
