import { z } from "zod";
import { parseCpuMillis, parseMemoryBytes } from "@/lib/domain/quantity.ts";
import { describeIssues, mapped, skipped, toDate, type Mapped } from "./mapped.ts";
import { observedAt } from "./observed-at.ts";
import { podWorkload, type WorkloadRef } from "./pod-workload.ts";

export type ContainerRow = {
  name: string;
  image: string;
  requestCpuMillis: number | null;
  requestMemoryBytes: number | null;
  limitCpuMillis: number | null;
  limitMemoryBytes: number | null;
  ready: boolean;
  restartCount: number;
  state: "waiting" | "running" | "terminated";
  stateReason: string | null;
  lastTerminationReason: string | null;
  lastTerminatedAt: Date | null;
  /** Changes when the kubelet starts a new instance of the container; log followers key on it. */
  containerId: string | null;
};

export type PodRow = {
  uid: string;
  namespace: string;
  name: string;
  workload: WorkloadRef | undefined;
  nodeName: string | null;
  phase: string;
  reason: string | null;
  ready: boolean;
  restartCount: number;
  startedAt: Date | null;
  createdAt: Date | null;
  observedAt: Date;
  containers: ContainerRow[];
};

const resources = z
  .object({ requests: z.record(z.string(), z.unknown().optional()).nullish(), limits: z.record(z.string(), z.unknown().optional()).nullish() })
  .nullish();
const state = z
  .object({
    waiting: z.object({ reason: z.string().nullish() }).nullish(),
    running: z.object({ startedAt: z.unknown() }).nullish(),
    terminated: z.object({ reason: z.string().nullish(), finishedAt: z.unknown() }).nullish(),
  })
  .nullish();
const containerStatus = z.object({
  name: z.string(),
  ready: z.boolean().nullish(),
  restartCount: z.number().int().nullish(),
  containerID: z.string().nullish(),
  state,
  lastState: state,
});
const podSchema = z.object({
  metadata: z.object({
    name: z.string().min(1),
    namespace: z.string().min(1),
    uid: z.string().min(1),
    creationTimestamp: z.unknown().optional(),
  }),
  spec: z.object({
    nodeName: z.string().nullish(),
    containers: z.array(z.object({ name: z.string().min(1), image: z.string().nullish(), resources })).min(1),
  }),
  status: z
    .object({
      phase: z.string().nullish(),
      reason: z.string().nullish(),
      startTime: z.unknown().optional(),
      conditions: z.array(z.object({ type: z.string(), status: z.string(), lastTransitionTime: z.unknown() })).nullish(),
      containerStatuses: z.array(containerStatus).nullish(),
    })
    .nullish(),
});

const orNull = (n: number | undefined) => (n === undefined ? null : n);
// Container columns are whole millicores; the API server rounds a sub-millicore request up too.
function cpuColumn(q: unknown): number | null {
  const millis = parseCpuMillis(q);
  return millis === undefined ? null : Math.ceil(millis);
}

export function mapPod(obj: unknown, fallbackTime: Date): Mapped<PodRow> {
  const parsed = podSchema.safeParse(obj);
  if (!parsed.success) return skipped(`pod ${nameOf(obj)}: ${describeIssues(parsed.error)}`);
  const pod = parsed.data;
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  const containers = pod.spec.containers.map((c): ContainerRow => {
    const s = statuses.get(c.name);
    const st = s?.state;
    return {
      name: c.name,
      image: c.image ?? "",
      requestCpuMillis: cpuColumn(c.resources?.requests?.cpu),
      requestMemoryBytes: orNull(parseMemoryBytes(c.resources?.requests?.memory)),
      limitCpuMillis: cpuColumn(c.resources?.limits?.cpu),
      limitMemoryBytes: orNull(parseMemoryBytes(c.resources?.limits?.memory)),
      ready: s?.ready ?? false,
      restartCount: s?.restartCount ?? 0,
      state: st?.running ? "running" : st?.terminated ? "terminated" : "waiting",
      stateReason: st?.waiting?.reason ?? st?.terminated?.reason ?? null,
      lastTerminationReason: s?.lastState?.terminated?.reason ?? null,
      lastTerminatedAt: toDate(s?.lastState?.terminated?.finishedAt) ?? null,
      containerId: s?.containerID ?? null,
    };
  });
  const ready = pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
  // What `kubectl get pods` shows in STATUS: the pod's own reason, else the first container's trouble.
  const reason = pod.status?.reason ?? containers.find((c) => c.state !== "running" && c.stateReason)?.stateReason ?? null;
  const clues = [
    ...(pod.status?.conditions ?? []).map((c) => c.lastTransitionTime),
    ...(pod.status?.containerStatuses ?? []).flatMap((s) => [s.state?.running?.startedAt, s.state?.terminated?.finishedAt]),
  ];
  return mapped({
    uid: pod.metadata.uid,
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    workload: podWorkload(obj),
    nodeName: pod.spec.nodeName ?? null,
    phase: pod.status?.phase ?? "Pending",
    reason,
    ready,
    restartCount: containers.reduce((sum, c) => sum + c.restartCount, 0),
    startedAt: toDate(pod.status?.startTime) ?? null,
    createdAt: toDate(pod.metadata.creationTimestamp) ?? null,
    observedAt: observedAt(obj, fallbackTime, clues),
    containers,
  });
}

export function nameOf(obj: unknown): string {
  const meta = (obj as { metadata?: { namespace?: unknown; name?: unknown } } | null)?.metadata;
  const name = typeof meta?.name === "string" ? meta.name : "<unnamed>";
  return typeof meta?.namespace === "string" ? `${meta.namespace}/${name}` : name;
}
