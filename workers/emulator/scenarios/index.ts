import { badRollout } from "./bad-rollout.ts";
import { configmapBreak } from "./configmap-break.ts";
import { cpuThrottling } from "./cpu-throttling.ts";
import { demoBehavior, demoGroundTruth, installDemo } from "./demo.ts";
import { dnsOutage } from "./dns-outage.ts";
import { DEFAULT_LEAD_MINUTES, type Scenario, type ScenarioTruth, type TruthOptions } from "./ground-truth.ts";
import { healthy } from "./healthy.ts";
import { imagePull } from "./image-pull.ts";
import { memoryLeak } from "./memory-leak.ts";
import { nodeNotReady } from "./node-not-ready.ts";
import { noisyNeighbour } from "./noisy-neighbour.ts";
import { overProvisioned } from "./over-provisioned.ts";
import { installScale, scaleBehavior } from "./scale.ts";

/** The demo's own ground truth (kept for the e2e tests) in the shape every scenario shares. */
function demoTruth(opts: TruthOptions = {}): ScenarioTruth {
  const d = demoGroundTruth(opts);
  const [crash] = d.incidents;
  return {
    scenario: "demo",
    leadMinutes: d.leadMinutes,
    incidents: [
      {
        id: crash.id,
        namespace: crash.namespace,
        workload: crash.workload,
        signal: crash.signal,
        startOffsetMinutes: crash.startOffsetMinutes!,
        endOffsetMinutes: crash.resolvedOffsetMinutes,
        startedAt: crash.startedAt,
        endedAt: crash.resolvedAt,
        cause: { ...crash.cause!, kind: "ImageChange", evidence: "change" },
      },
    ],
    slo: [{ namespace: crash.namespace, workload: crash.workload, sli: "availability", fromOffsetMinutes: crash.startOffsetMinutes!, toOffsetMinutes: crash.resolvedOffsetMinutes! }],
    rightsizing: d.rightsizing.map((r) => ({ ...r, requests: { ...r.requests }, verdict: "over-provisioned" as const })),
    healthy: d.healthy,
  };
}

/** Every story Uptrust's emulator can tell, by the name users pass in UPTRUST_EMULATOR_SCENARIO. */
export const SCENARIOS = {
  demo: {
    description: "the demo: a bad checkout rollout with rollback, reports OOMKilled about hourly, an over-provisioned frontend",
    install: installDemo,
    behaviorFor: (pod) => demoBehavior(pod),
    groundTruth: demoTruth,
  },
  healthy,
  "bad-rollout": badRollout,
  "memory-leak": memoryLeak,
  "cpu-throttling": cpuThrottling,
  "over-provisioned": overProvisioned,
  "dns-outage": dnsOutage,
  "node-not-ready": nodeNotReady,
  "image-pull": imagePull,
  "configmap-break": configmapBreak,
  "noisy-neighbour": noisyNeighbour,
  scale: {
    description: "a large healthy fleet (10,000 pods, 500 deployments, 100 nodes) for benchmarks",
    install: (cluster, timing) => installScale(cluster, { ...timing.size, start: timing.start }),
    behaviorFor: (pod) => scaleBehavior(pod),
    groundTruth: (opts = {}) => ({ scenario: "scale", leadMinutes: opts.leadMinutes ?? DEFAULT_LEAD_MINUTES, incidents: [], slo: [], rightsizing: [], healthy: [] }),
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

/** A scenario name from the environment, or an error that lists the stories there are. */
export function scenarioNamed(name: string, variable = "UPTRUST_EMULATOR_SCENARIO"): ScenarioName {
  if ((SCENARIO_NAMES as string[]).includes(name)) return name as ScenarioName;
  throw new Error(`${variable}=${JSON.stringify(name)} is not a scenario of the demo cluster; choose one of: ${SCENARIO_NAMES.join(", ")}`);
}

export function groundTruthOf(name: ScenarioName, opts?: TruthOptions): ScenarioTruth {
  return SCENARIOS[name].groundTruth(opts);
}

export type { Scenario, ScenarioTruth } from "./ground-truth.ts";
