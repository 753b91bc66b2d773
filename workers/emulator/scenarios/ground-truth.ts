import { atOffset } from "./building-blocks.ts";
import type { ScaleSize } from "./scale.ts";
import type { KObj } from "../store.ts";
import type { Behavior } from "../sim/context.ts";
import type { Cluster } from "../sim/cluster.ts";

// What a scenario promises an SRE will see, in machine-readable form: Uptrust's analyzers and the
// scenario tests check themselves against it. Offsets are minutes from the scenario start.

export type CauseKind = "ImageChange" | "ConfigMapChange" | "NodeNotReady" | "DNS" | "MemoryLimit" | "NoisyNeighbour" | "ImagePull" | "CpuLimit";
export type WorkloadRef = { kind: string; name: string };

export type ExpectedIncident = {
  id: string;
  namespace: string;
  workload: WorkloadRef;
  /** The signal an SRE is paged on: a pod reason (CrashLoopBackOff, OOMKilled, ...) or an SLO burn. */
  signal: string;
  startOffsetMinutes: number;
  /** When users stop being hurt; absent while it is still going on when the clock goes live. */
  endOffsetMinutes?: number;
  startedAt?: string;
  endedAt?: string;
  /** The first probable cause and where its evidence is found. */
  cause: { kind: CauseKind; evidence: string; [detail: string]: unknown };
};

export type ExpectedSloImpact = {
  namespace: string;
  workload: WorkloadRef;
  sli: "availability" | "latency" | "errors";
  fromOffsetMinutes: number;
  toOffsetMinutes: number;
  /** For latency: the request time users feel above this threshold. */
  thresholdMs?: number;
};

export type ExpectedRightsizing = {
  namespace: string;
  workload: WorkloadRef;
  container: string;
  requests: { cpu: string; memory: string };
  usage: { cpuMilli: readonly [number, number]; memoryMi: readonly [number, number] };
  verdict: "over-provisioned" | "under-provisioned" | "right-sized";
};

export type ScenarioTruth = {
  scenario: string;
  leadMinutes: number;
  incidents: ExpectedIncident[];
  slo: ExpectedSloImpact[];
  rightsizing: ExpectedRightsizing[];
  healthy: { namespace: string; workload: WorkloadRef }[];
};

export type ScenarioTiming = { start: number; leadMinutes: number; /** How big the "scale" scenario builds the fleet. */ size?: Partial<ScaleSize> };
export type TruthOptions = { leadMinutes?: number; scenarioStart?: Date };

export type Scenario = {
  description: string;
  install(cluster: Cluster, timing: ScenarioTiming): void;
  behaviorFor(pod: KObj, timing: ScenarioTiming): Behavior;
  groundTruth(opts?: TruthOptions): ScenarioTruth;
};

export const DEFAULT_LEAD_MINUTES = 360;

// A real cluster is already running when Uptrust starts watching it. The fleet is created this long
// before the scenario start, so every pod is ready when the story begins: the first minutes of
// history must not read as an outage of every workload at once.
export const BOOT_MINUTES = 5;
export const bootedAt = (start: number) => start - BOOT_MINUTES * 60_000;
export const deployment = (name: string): WorkloadRef => ({ kind: "Deployment", name });

type App = { namespace: string; name: string };
type StoryWindow = { fromOffsetMinutes: number; toOffsetMinutes?: number };

/** An incident of a Deployment over a window of the story, dated when the scenario start is known. */
export function expectIncident(
  app: App,
  story: Pick<ExpectedIncident, "id" | "signal" | "cause"> & { window: StoryWindow },
  scenarioStart?: Date,
): ExpectedIncident {
  const { fromOffsetMinutes: from, toOffsetMinutes: to } = story.window;
  return {
    id: story.id,
    namespace: app.namespace,
    workload: deployment(app.name),
    signal: story.signal,
    startOffsetMinutes: from,
    endOffsetMinutes: to,
    startedAt: atOffset(scenarioStart, from),
    endedAt: to === undefined ? undefined : atOffset(scenarioStart, to),
    cause: story.cause,
  };
}

export const expectSloImpact = (app: App, sli: ExpectedSloImpact["sli"], window: Required<StoryWindow>, thresholdMs?: number): ExpectedSloImpact => ({
  namespace: app.namespace,
  workload: deployment(app.name),
  sli,
  fromOffsetMinutes: window.fromOffsetMinutes,
  toOffsetMinutes: window.toOffsetMinutes,
  ...(thresholdMs === undefined ? {} : { thresholdMs }),
});

/** The Deployments a story leaves alone: a correct analysis raises nothing about them. */
export const leftAlone = (...apps: App[]) => apps.map((a) => ({ namespace: a.namespace, workload: deployment(a.name) }));
