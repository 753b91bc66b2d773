import type { Behavior } from "../sim/context.ts";
import { REGISTRY, type AppSpec } from "./building-blocks.ts";
import { DEMO } from "./demo.ts";
import { DEFAULT_LEAD_MINUTES, deployment, leftAlone, type ExpectedRightsizing, type Scenario, type ScenarioTruth } from "./ground-truth.ts";
import { baseApps, installShop, shopBehavior } from "./shop.ts";

/** search asks for 2 CPUs and 4 GiB per replica and uses a few percent of it: money to save. */
export const OVER = {
  namespace: "shop",
  name: "search",
  replicas: 2,
  image: `${REGISTRY}/search:3.2.0`,
  requests: { cpu: "2", memory: "4Gi" },
  limits: { cpu: "4", memory: "4Gi" },
  usage: { cpuMilli: [60, 120] as const, memoryMi: [300, 380] as const },
} as const;

const searchApp: AppSpec = { namespace: OVER.namespace, name: OVER.name, replicas: OVER.replicas, image: OVER.image, resources: { requests: { ...OVER.requests }, limits: { ...OVER.limits } } };

const search = (): Behavior => ({
  readySeconds: 8,
  logEverySeconds: 60,
  logLine: (rng) => `level=info msg="query served" q_len=${rng.int(3, 40)} hits=${rng.int(0, 500)} took_ms=${rng.int(4, 60)}`,
  cpuMilli: [...OVER.usage.cpuMilli],
  memoryMi: [...OVER.usage.memoryMi],
});

export const overProvisioned: Scenario = {
  description: "search requests 2 CPU / 4 GiB per replica and uses ~100m / ~350 MiB; frontend asks for 500m and uses ~60m",
  install: (cluster, timing) => void installShop(cluster, timing, { apps: [...baseApps(), searchApp] }),
  behaviorFor: (pod) => shopBehavior(pod, (image) => (image === OVER.image ? search() : undefined)),
  groundTruth(opts = {}): ScenarioTruth {
    const f = DEMO.frontend;
    const rightsizing: ExpectedRightsizing[] = [
      { namespace: OVER.namespace, workload: deployment(OVER.name), container: OVER.name, requests: { ...OVER.requests }, usage: OVER.usage, verdict: "over-provisioned" },
      { namespace: f.namespace, workload: deployment(f.name), container: f.name, requests: { ...f.requests }, usage: f.usage, verdict: "over-provisioned" },
    ];
    return {
      scenario: "over-provisioned",
      leadMinutes: opts.leadMinutes ?? DEFAULT_LEAD_MINUTES,
      incidents: [],
      slo: [],
      rightsizing,
      healthy: leftAlone(OVER, DEMO.checkout, f),
    };
  },
};
