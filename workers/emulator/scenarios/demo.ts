import { appBehavior } from "./any-app.ts";
import { bootedAt } from "./ground-truth.ts";
import type { Rng } from "../random.ts";
import type { KObj } from "../store.ts";
import type { Behavior } from "../sim/context.ts";
import type { Cluster } from "../sim/cluster.ts";
import { between, clf, installDeployments, installNamespaces, installNodes, MIN, NODE, REGISTRY, type AppSpec } from "./building-blocks.ts";

/** Every number the demo story is built from; the ground truth below is derived from the same constants. */
export const DEMO = {
  nodes: ["node-a", "node-b", "node-c"],
  node: NODE,
  namespaces: ["default", "kube-system", "shop"],
  coredns: { namespace: "kube-system", name: "coredns", replicas: 2, image: "registry.k8s.io/coredns/coredns:v1.11.3" },
  frontend: {
    namespace: "shop",
    name: "frontend",
    replicas: 3,
    image: `${REGISTRY}/frontend:2.3.1`,
    requests: { cpu: "500m", memory: "1Gi" },
    limits: { cpu: "1", memory: "1Gi" },
    usage: { cpuMilli: [40, 80] as [number, number], memoryMi: [150, 220] as [number, number] },
  },
  checkout: {
    namespace: "shop",
    name: "checkout",
    replicas: 4,
    goodImage: `${REGISTRY}/checkout:1.4.2`,
    badImage: `${REGISTRY}/checkout:1.5.0`,
    /** Minutes before the clock catches up with the wall clock. */
    rolloutMinutesBeforeLive: 60,
    rollbackMinutesBeforeLive: 40,
    crashAfterSeconds: 3,
  },
  reports: {
    namespace: "shop",
    name: "reports",
    replicas: 1,
    image: `${REGISTRY}/reports:0.9.3`,
    memoryLimitMi: 512,
    baseMemoryMi: 140,
    oomEveryMinutes: [50, 70] as [number, number],
    notReadyAfterStartSeconds: 120,
  },
} as const;

/** Scenario offsets (from the scenario start) of the checkout incident for a given lead. */
export function demoTimeline(leadMinutes: number) {
  const c = DEMO.checkout;
  const duration = c.rolloutMinutesBeforeLive - c.rollbackMinutesBeforeLive;
  // With a short lead (tests), the incident still happens, a couple of minutes after start.
  const rollout = Math.max(2, leadMinutes - c.rolloutMinutesBeforeLive);
  return { rolloutOffsetMinutes: rollout, rollbackOffsetMinutes: rollout + duration };
}

export function demoGroundTruth(opts: { leadMinutes?: number; scenarioStart?: Date } = {}) {
  const lead = opts.leadMinutes ?? 360;
  const tl = demoTimeline(lead);
  const at = (m: number) => (opts.scenarioStart ? new Date(opts.scenarioStart.getTime() + m * MIN).toISOString() : undefined);
  const { checkout: c, reports: r, frontend: f } = DEMO;
  return {
    leadMinutes: lead,
    incidents: [
      {
        id: "checkout-crashloop",
        namespace: c.namespace,
        workload: { kind: "Deployment", name: c.name },
        signal: "CrashLoopBackOff",
        lastTerminationReason: "Error",
        exitCode: 1,
        startOffsetMinutes: tl.rolloutOffsetMinutes,
        resolvedOffsetMinutes: tl.rollbackOffsetMinutes,
        startedAt: at(tl.rolloutOffsetMinutes),
        resolvedAt: at(tl.rollbackOffsetMinutes),
        cause: { kind: "ImageChange", container: c.name, from: c.goodImage, to: c.badImage, revision: 2, manager: "kubectl-client-side-apply" },
        resolution: { kind: "Rollback", toImage: c.goodImage, revision: 3, manager: "kubectl-rollout" },
        // What the real rolling-update algorithm settles on with 4 replicas, 25% surge, 25% unavailable.
        stuckStatus: { replicas: 5, updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3 },
        logEvidence: "config: PAYMENT_URL is not set",
      },
      {
        id: "reports-oomkilled",
        namespace: r.namespace,
        workload: { kind: "Deployment", name: r.name },
        signal: "OOMKilled",
        lastTerminationReason: "OOMKilled",
        exitCode: 137,
        recurring: true,
        everyMinutes: r.oomEveryMinutes,
        memoryLimit: `${r.memoryLimitMi}Mi`,
        notReadyAfterRestartSeconds: r.notReadyAfterStartSeconds,
      },
    ],
    rightsizing: [
      {
        namespace: f.namespace,
        workload: { kind: "Deployment", name: f.name },
        container: f.name,
        requests: f.requests,
        limits: f.limits,
        usage: f.usage,
        verdict: "over-provisioned",
      },
    ],
    healthy: [{ namespace: DEMO.coredns.namespace, workload: { kind: "Deployment", name: DEMO.coredns.name } }],
  };
}
export type DemoGroundTruth = ReturnType<typeof demoGroundTruth>;

const PATHS = ["/", "/products", "/products/42", "/cart", "/api/recommendations", "/static/app.js"];

/** The credentials checkout 1.5.0 prints with its config at start-up, which Uptrust must never store. */
export const LEAKED = { databasePassword: "hunter2-prod", stripeKey: "sk_live_51HdemoLeakedKey0123456789" } as const;

/** checkout 1.5.0 exits at start: PAYMENT_URL is missing from its config (and it logs its credentials first). */
export const crashingCheckout = (): Behavior => ({
  readySeconds: 5,
  logEverySeconds: 60,
  logLine: () => "",
  cpuMilli: [20, 40],
  memoryMi: [30, 40],
  crash: {
    afterSeconds: DEMO.checkout.crashAfterSeconds,
    lines: () => [
      '{"level":"info","msg":"starting checkout","version":"1.5.0"}',
      `{"level":"debug","msg":"config loaded","DATABASE_URL":"postgres://checkout:${LEAKED.databasePassword}@db.shop.svc.cluster.local:5432/checkout","STRIPE_KEY":"${LEAKED.stripeKey}"}`,
      '{"level":"error","msg":"config: PAYMENT_URL is not set"}',
      "panic: config: PAYMENT_URL is not set",
      "",
      "goroutine 1 [running]:",
      "main.mustConfig({0xc00001e0c0, 0xb})",
      "\t/src/cmd/checkout/config.go:41 +0x1c5",
      "main.main()",
      "\t/src/cmd/checkout/main.go:18 +0x65",
    ],
  },
});

export const healthyCheckout = (): Behavior => ({
  readySeconds: 5,
  logEverySeconds: 60,
  logLine: (rng) => JSON.stringify({ level: "info", msg: "order placed", order_id: `o-${rng.int(100000, 999999)}`, latency_ms: rng.int(35, 180) }),
  cpuMilli: [80, 150],
  memoryMi: [180, 240],
});

type LeakSpec = { memoryLimitMi: number; baseMemoryMi: number; oomEveryMinutes: readonly [number, number]; notReadyAfterStartSeconds: number };

/** reports keeps every report in a cache: memory climbs to its limit and the kernel kills it. */
export const leakingReports = (r: LeakSpec = DEMO.reports): Behavior => ({
  readySeconds: r.notReadyAfterStartSeconds,
  logEverySeconds: 60,
  logLine: (rng) => JSON.stringify({ level: "info", msg: "report generated", rows: rng.int(800, 5000), cache_entries: rng.int(1000, 90000) }),
  cpuMilli: [150, 250],
  memoryMi: [r.baseMemoryMi, r.baseMemoryMi + 10],
  leak: { limitMi: r.memoryLimitMi, oomMinutes: [r.oomEveryMinutes[0], r.oomEveryMinutes[1]] },
});

/** One access-log line of frontend's nginx (combined format plus request time). */
export function frontendAccessLine(rng: Rng, t: number, opts: { code?: number; seconds?: readonly [number, number] } = {}) {
  const code = opts.code ?? (rng.next() < 0.97 ? 200 : 404);
  return `10.244.${rng.int(0, 2)}.${rng.int(2, 250)} - - [${clf(t)}] "GET ${rng.pick(PATHS)} HTTP/1.1" ${code} ${rng.int(300, 9000)} "-" "Mozilla/5.0" ${between(rng, opts.seconds ?? [0.002, 0.09]).toFixed(3)}`;
}

export const healthyFrontend = (): Behavior => ({
  readySeconds: 5,
  logEverySeconds: 60,
  logLine: (rng, t) => frontendAccessLine(rng, t),
  cpuMilli: DEMO.frontend.usage.cpuMilli,
  memoryMi: DEMO.frontend.usage.memoryMi,
});

export const corednsQueryLine = (rng: Rng) =>
  `[INFO] 10.244.${rng.int(0, 2)}.${rng.int(2, 250)}:${rng.int(30000, 60000)} - ${rng.int(1000, 65000)} "A IN ${rng.pick(["checkout", "frontend", "reports"])}.shop.svc.cluster.local. udp 51 false 512" NOERROR qr,aa,rd 112 0.000${rng.int(100, 999)}s`;

export const healthyCoredns = (): Behavior => ({
  readySeconds: 3,
  logEverySeconds: 60,
  logLine: (rng) => corednsQueryLine(rng),
  cpuMilli: [3, 8],
  memoryMi: [18, 26],
});

/** What each image does when it runs: the demo's story lives here. */
export function demoBehavior(pod: KObj): Behavior {
  const image: string = pod.spec.containers[0].image;
  if (image === DEMO.checkout.badImage) return crashingCheckout();
  if (image.startsWith(`${REGISTRY}/checkout`)) return healthyCheckout();
  if (image.startsWith(`${REGISTRY}/reports`)) return leakingReports();
  if (image.startsWith(`${REGISTRY}/frontend`)) return healthyFrontend();
  if (image.startsWith("registry.k8s.io/coredns/")) return healthyCoredns();
  // Anything else was created by an SRE (kubectl create -f): it runs as a healthy app of its kind.
  return appBehavior(pod);
}

/** The demo's four Deployments as the shop runs them before anything goes wrong. */
export function demoApps(): AppSpec[] {
  const { coredns, frontend, checkout, reports } = DEMO;
  return [
    { ...coredns, resources: { requests: { cpu: "100m", memory: "70Mi" }, limits: { memory: "170Mi" } } },
    { ...frontend, resources: { requests: frontend.requests, limits: frontend.limits } },
    { ...checkout, image: checkout.goodImage, resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } } },
    { ...reports, resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "500m", memory: `${reports.memoryLimitMi}Mi` } }, readinessDelay: reports.notReadyAfterStartSeconds },
  ];
}

/** The bad checkout rollout and its rollback, at the demo's offsets for this lead. */
export function scheduleCheckoutRollout(cluster: Cluster, start: number, leadMinutes: number) {
  const { store, sched } = cluster.sim;
  const { checkout } = DEMO;
  const tl = demoTimeline(leadMinutes);
  const setImage = (image: string, manager: string) => () =>
    store.update("deployments", checkout.namespace, checkout.name, { manager, time: sched.now() }, (d) => {
      d.spec.template.spec.containers[0].image = image;
    });
  sched.at(start + tl.rolloutOffsetMinutes * MIN, setImage(checkout.badImage, "kubectl-client-side-apply"));
  sched.at(start + tl.rollbackOffsetMinutes * MIN, setImage(checkout.goodImage, "kubectl-rollout"));
}

/** Builds the demo cluster, running by the scenario start, and schedules its story. */
export function installDemo(cluster: Cluster, opts: { start: number; leadMinutes: number }) {
  const t0 = bootedAt(opts.start);
  installNamespaces(cluster, DEMO.namespaces, t0);
  installNodes(cluster, DEMO.nodes, t0);
  installDeployments(cluster, demoApps(), t0);
  scheduleCheckoutRollout(cluster, opts.start, opts.leadMinutes);
}
