import type { IncidentReason, WorkloadRef } from "../incident-signals.ts";

// What probable-cause analysis reads about one incident, all in cluster time (ms). The analyzer gathers
// it from stored facts; every detector is a pure function of it.

export type CauseKind = "ImagePull" | "ConfigMapChange" | "MemoryLimit" | "NodeNotReady" | "DNS" | "NoisyNeighbour" | "CpuLimit" | "ImageChange" | "TemplateChange";

export type Evidence = { source: "change" | "event" | "log" | "metric" | "node"; ts: number | null; text: string };

export type ProbableCause = {
  kind: CauseKind;
  /** One plain sentence naming what happened to the system, never who did it. */
  title: string;
  /** 0–1: how directly the evidence explains the symptom; causes are ranked by it. */
  score: number;
  evidence: Evidence[];
};

export type CauseChange = { id: string; kind: string; observedAt: number; summary: string; manager: string | null; before: unknown; after: unknown };
export type CauseEvent = { reason: string; message: string; involvedKind: string; involvedName: string; count: number; firstSeen: number; lastSeen: number };
export type CauseLog = { pod: string; ts: number; message: string };
export type ContainerLimits = { name: string; cpuLimitMillis: number | null; memoryLimitBytes: number | null };
export type ContainerUsage = { container: string; cpuMaxMillis: number; memoryMaxBytes: number };
export type NodeLoad = { name: string; allocatableCpuMillis: number; cpuMaxMillis: number | null };
export type Neighbour = { node: string; workload: string; cpuMaxMillis: number; cpuBeforeMillis: number; hasCpuRequest: boolean; hasCpuLimit: boolean };

export type CauseInput = {
  workload: WorkloadRef;
  reason: IncidentReason;
  startedAt: number;
  endAt: number;
  changes: readonly CauseChange[];
  /** Events about the workload's pods, ReplicaSets and itself. */
  events: readonly CauseEvent[];
  /** Events about the nodes its pods ran on. */
  nodeEvents: readonly CauseEvent[];
  /** The workload's log lines that report a failed name lookup. */
  lookupFailures: readonly CauseLog[];
  /** The cluster resolver (CoreDNS) and its error lines during the incident. */
  resolver: string | null;
  resolverErrors: readonly CauseLog[];
  limits: readonly ContainerLimits[];
  /** The workload's peak usage per container during the incident. */
  usage: readonly ContainerUsage[];
  nodes: readonly NodeLoad[];
  /** Other workloads' pods on the same nodes during the incident. */
  neighbours: readonly Neighbour[];
};

/** The parts of a stored pod template (a change's before/after) the detectors compare. */
export type TemplateShape = { containers: { name: string; image: string; limits?: Record<string, string> }[] };

export const asTemplate = (v: unknown): TemplateShape | null =>
  v && typeof v === "object" && Array.isArray((v as { containers?: unknown }).containers) ? (v as TemplateShape) : null;
