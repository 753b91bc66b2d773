import { iso } from "../clock.ts";
import { fnv1a } from "../random.ts";
import type { KObj } from "../store.ts";

// The kubelet's story is told by a pod's first container; a pod's other containers follow it as a
// real kubelet runs them: init containers run to completion before any container starts (the pod shows
// Init:0/1, then PodInitializing), and further containers (sidecars) start with the first and stay up.

type Named = { name: string; image: string };
const hex = (key: string) => [0, 1, 2].map((i) => fnv1a(`${i}|${key}`).toString(16).padStart(8, "0")).join("");
const unready = (names: string[]) => `containers with unready status: [${names.join(" ")}]`;

/** Conditions and statuses of a pod whose containers are being created, as kubelet first reports them. */
export function preparingStatus(p: KObj, t: number) {
  const inits: Named[] = p.spec.initContainers ?? [];
  const names = (p.spec.containers as Named[]).map((c) => c.name);
  const since = { lastProbeTime: null, lastTransitionTime: iso(t) };
  const initialized = inits.length
    ? { type: "Initialized", status: "False", ...since, reason: "ContainersNotInitialized", message: `containers with incomplete status: [${inits.map((c) => c.name).join(" ")}]` }
    : { type: "Initialized", status: "True", ...since };
  p.status.conditions = [
    { type: "PodReadyToStartContainers", status: "True", ...since },
    initialized,
    { type: "Ready", status: "False", ...since, reason: "ContainersNotReady", message: unready(names) },
    { type: "ContainersReady", status: "False", ...since, reason: "ContainersNotReady", message: unready(names) },
    ...p.status.conditions.filter((c: { type: string }) => c.type === "PodScheduled"),
  ];
  const status = (c: Named, state: object) => ({ name: c.name, image: c.image, imageID: "", ready: false, started: false, restartCount: 0, state, lastState: {} });
  if (inits.length) {
    p.status.initContainerStatuses = inits.map((c, i) => status(c, i === 0 ? { running: { startedAt: iso(t) } } : { waiting: { reason: "PodInitializing" } }));
  }
  const waiting = { waiting: { reason: inits.length ? "PodInitializing" : "ContainerCreating" } };
  p.status.containerStatuses = (p.spec.containers as Named[]).map((c) => status(c, waiting));
}

/** At the first container's start: init containers have completed, the other containers start too (once). */
export function startCompanions(p: KObj, t: number, podKey: string) {
  const inits = p.status.initContainerStatuses ?? [];
  if (inits.length && inits.some((s: { state: { terminated?: unknown } }) => !s.state.terminated)) {
    for (const s of inits) {
      s.containerID = `containerd://${hex(`${podKey}|${s.name}`)}`;
      s.state = { terminated: { exitCode: 0, reason: "Completed", startedAt: s.state.running?.startedAt ?? iso(t), finishedAt: iso(t), containerID: s.containerID } };
      s.ready = true;
      s.imageID = `${String(s.image).split(":")[0]}@sha256:${hex(s.image)}`;
    }
    const initialized = p.status.conditions.find((c: { type: string }) => c.type === "Initialized");
    Object.assign(initialized, { status: "True", lastTransitionTime: iso(t) });
    delete initialized.reason;
    delete initialized.message;
  }
  for (const cs of p.status.containerStatuses.slice(1)) {
    if (cs.state.running) continue;
    cs.state = { running: { startedAt: iso(t) } };
    cs.started = true;
    cs.ready = true;
    cs.containerID = `containerd://${hex(`${podKey}|${cs.name}`)}`;
    cs.imageID = `${String(cs.image).split(":")[0]}@sha256:${hex(cs.image)}`;
  }
}
