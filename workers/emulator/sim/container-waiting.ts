import type { Sim } from "./context.ts";
import type { ContainerRun } from "./kubelet.ts";
import { missingConfig } from "./start-checks.ts";

const SEC = 1000;
const kubelet = (host: string) => ({ component: "kubelet", host });
const MAX_BACKOFF = 300 * SEC;
// Kubelet's pod workers look at a pod again about this often while it cannot create the container.
const CONFIG_RESYNC = 15 * SEC;

function setWaiting(sim: Sim, run: ContainerRun, reason: string, message: string) {
  return sim.store.update("pods", run.namespace, run.pod, { manager: "kubelet", time: sim.sched.now(), subresource: "status" }, (p) => {
    const cs = p.status.containerStatuses[0];
    cs.state = { waiting: { reason, message } };
    cs.ready = false;
    cs.started = false;
  });
}

/**
 * A pull the registry refuses: ErrImagePull, then ImagePullBackOff with kubelet's back-off (10 s doubling
 * to 5 min), with the Failed and BackOff events kubelet writes, until the pod goes away.
 */
export function failPull(sim: Sim, run: ContainerRun, alive: () => boolean) {
  const { events, sched } = sim;
  const host = kubelet(run.nodeName);
  const attempt = (n: number) => {
    if (!alive()) return;
    const pod = sim.store.get("pods", run.namespace, run.pod)!;
    const image: string = pod.spec.containers[0].image;
    const error = run.behavior.pullError ?? "not found";
    const rpc = `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: ${error}`;
    const t = sched.now();
    if (n > 0) events.record(t, pod, "Normal", "Pulling", `Pulling image "${image}"`, host);
    events.record(t, pod, "Warning", "Failed", `Failed to pull image "${image}": ${rpc}`, host);
    events.record(t, pod, "Warning", "Failed", "Error: ErrImagePull", host);
    setWaiting(sim, run, "ErrImagePull", rpc);
    const backoff = Math.min(10 * SEC * 2 ** n, MAX_BACKOFF);
    sched.after(1 * SEC, () => {
      if (!alive()) return;
      const t2 = sched.now();
      const p = setWaiting(sim, run, "ImagePullBackOff", `Back-off pulling image "${image}": ErrImagePull: ${rpc}`)!;
      events.record(t2, p, "Normal", "BackOff", `Back-off pulling image "${image}"`, host);
      events.record(t2, p, "Warning", "Failed", "Error: ImagePullBackOff", host);
      sched.after(backoff, () => attempt(n + 1));
    });
  };
  attempt(0);
}

/**
 * Kubelet refuses to create a container whose environment names a missing ConfigMap or Secret key:
 * CreateContainerConfigError and a Failed event, tried again on every pod sync until the key is back.
 */
export function blockedByConfig(sim: Sim, run: ContainerRun, retry: () => void): boolean {
  const pod = sim.store.get("pods", run.namespace, run.pod);
  if (!pod) return false;
  const missing = missingConfig(sim.store, pod);
  if (!missing) return false;
  const updated = setWaiting(sim, run, "CreateContainerConfigError", missing)!;
  sim.events.record(sim.sched.now(), updated, "Warning", "Failed", `Error: ${missing}`, kubelet(run.nodeName));
  sim.sched.after(CONFIG_RESYNC, retry);
  return true;
}
