import type { KObj } from "../store.ts";
import type { Behavior } from "../sim/context.ts";
import { deployment as deploymentObject, MIN, offsetBeforeLive, REGISTRY, type AppSpec } from "./building-blocks.ts";
import { DEMO, frontendAccessLine, healthyFrontend } from "./demo.ts";
import { DEFAULT_LEAD_MINUTES, expectIncident, expectSloImpact, leftAlone, type Scenario, type ScenarioTiming, type ScenarioTruth } from "./ground-truth.ts";
import { baseApps, inWindow, installShop, shopBehavior, type Window } from "./shop.ts";

/** A re-index job without limits lands on node-b and takes almost all of its 4 CPUs for 30 minutes. */
export const NOISY = {
  node: "node-b",
  app: { namespace: "shop", name: "search-reindex", replicas: 1, image: `${REGISTRY}/search-reindex:0.4.0` },
  startMinutesBeforeLive: 75,
  durationMinutes: 30,
  cpuMilli: [3300, 3800] as const,
  victimCpuMilli: [950, 1000] as const,
  victimSeconds: [0.4, 1.6] as const,
} as const;

export function noisyWindow(leadMinutes: number): Window {
  const from = offsetBeforeLive(leadMinutes, NOISY.startMinutesBeforeLive);
  return { fromOffsetMinutes: from, toOffsetMinutes: from + NOISY.durationMinutes };
}

const noisyApp: AppSpec = { ...NOISY.app, resources: {}, pod: { nodeSelector: { "kubernetes.io/hostname": NOISY.node } } };

function behave(pod: KObj, timing: ScenarioTiming): Behavior | undefined {
  const image: string = pod.spec.containers[0].image;
  if (image === NOISY.app.image) {
    return { readySeconds: 5, logEverySeconds: 30, logLine: (rng) => `time=${new Date(timing.start).toISOString().slice(0, 10)} level=info msg="indexed batch" docs=${rng.int(4000, 9000)} took=${rng.int(800, 4000)}ms`, cpuMilli: [...NOISY.cpuMilli], memoryMi: [900, 1400] };
  }
  if (image === DEMO.frontend.image && pod.spec.nodeName === NOISY.node) {
    const w = noisyWindow(timing.leadMinutes);
    const squeezed = (t: number) => inWindow(timing, w, t);
    const base = healthyFrontend();
    return {
      ...base,
      logLine: (rng, t) => (squeezed(t) ? frontendAccessLine(rng, t, { seconds: NOISY.victimSeconds }) : base.logLine(rng, t)),
      cpuMilliAt: (t) => (squeezed(t) ? [...NOISY.victimCpuMilli] : base.cpuMilli),
    };
  }
  return undefined;
}

export const noisyNeighbour: Scenario = {
  description: "a BestEffort re-index pod eats node-b's CPU; frontend on node-b slows down and sits at its CPU limit",
  install(cluster, timing) {
    installShop(cluster, timing, { apps: baseApps() });
    const w = noisyWindow(timing.leadMinutes);
    const { store, sched, rng } = cluster.sim;
    sched.at(timing.start + w.fromOffsetMinutes * MIN, () => store.create("deployments", deploymentObject(rng, noisyApp, sched.now()), { manager: "kubectl-client-side-apply", time: sched.now() }));
    sched.at(timing.start + w.toOffsetMinutes * MIN, () => store.update("deployments", NOISY.app.namespace, NOISY.app.name, { manager: "kubectl-scale", time: sched.now() }, (d) => void (d.spec.replicas = 0)));
  },
  behaviorFor: (pod, timing) => shopBehavior(pod, () => behave(pod, timing)),
  groundTruth(opts = {}): ScenarioTruth {
    const lead = opts.leadMinutes ?? DEFAULT_LEAD_MINUTES;
    const w = noisyWindow(lead);
    const f = DEMO.frontend;
    return {
      scenario: "noisy-neighbour",
      leadMinutes: lead,
      incidents: [
        expectIncident(
          f,
          {
            id: "frontend-noisy-neighbour",
            signal: "Latency",
            window: w,
            cause: { kind: "NoisyNeighbour", evidence: "metric", node: NOISY.node, neighbour: `${NOISY.app.namespace}/${NOISY.app.name}`, neighbourQos: "BestEffort", neighbourCpuMilli: NOISY.cpuMilli },
          },
          opts.scenarioStart,
        ),
      ],
      slo: [expectSloImpact(f, "latency", w, 400)],
      rightsizing: [],
      healthy: leftAlone(DEMO.checkout),
    };
  },
};
