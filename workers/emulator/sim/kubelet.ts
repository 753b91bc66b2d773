import { iso } from "../clock.ts";
import { keyOf, type KObj } from "../store.ts";
import type { Behavior, Sim } from "./context.ts";
import { blockedByConfig, failPull } from "./container-waiting.ts";
import { preparingStatus, startCompanions } from "./pod-containers.ts";
import { nodeFits } from "./start-checks.ts";

export type ContainerRun = {
  podKey: string;
  namespace: string;
  pod: string;
  container: string;
  nodeName: string;
  behavior: Behavior;
  instance: number;
  running: boolean;
  startedAt: number;
  endsAt?: number;
  restartCount: number;
};

const SEC = 1000;
const MAX_BACKOFF = 300 * SEC;
const kubelet = (host: string) => ({ component: "kubelet", host });

/**
 * The node agent: binds and starts pods, flips readiness, writes logs, kills leaking or crashing
 * containers and restarts them with kubelet's exponential back-off (10s doubling to 5m, reset
 * after 10 minutes of healthy running).
 */
export class Kubelet {
  readonly runs = new Map<string, ContainerRun>();
  private podIps = 0;

  // Pods per node for the scheduler, counted once and then kept up to date as pods are bound and
  // deleted: counting every pod on every bind made scheduling a 10,000-pod fleet quadratic.
  private podsOnNode?: Map<string, number>;

  constructor(private readonly sim: Sim) {
    sim.store.subscribe(({ resource, type, object, previous }) => {
      if (resource !== "pods" || !this.podsOnNode) return;
      const before: string | undefined = type === "ADDED" ? undefined : previous?.spec?.nodeName;
      const after: string | undefined = type === "DELETED" ? undefined : object.spec?.nodeName;
      if (before === after) return;
      if (before) this.podsOnNode.set(before, (this.podsOnNode.get(before) ?? 1) - 1);
      if (after) this.podsOnNode.set(after, (this.podsOnNode.get(after) ?? 0) + 1);
    });
  }

  private nodeLoad() {
    if (!this.podsOnNode) {
      this.podsOnNode = new Map();
      for (const p of this.sim.store.list("pods")) if (p.spec.nodeName) this.podsOnNode.set(p.spec.nodeName, (this.podsOnNode.get(p.spec.nodeName) ?? 0) + 1);
    }
    return this.podsOnNode;
  }

  podCreated(pod: KObj) {
    const { namespace, name } = pod.metadata;
    this.sim.sched.after(1 * SEC, () => this.bind(namespace!, name));
  }

  private pickNode(pod: KObj) {
    const nodes = this.sim.store.list("nodes").filter((n) => nodeFits(n, pod)).map((n) => n.metadata.name);
    const load = this.nodeLoad();
    const podsOn = (n: string) => load.get(n) ?? 0;
    return nodes.sort((a, b) => podsOn(a) - podsOn(b) || a.localeCompare(b))[0] as string | undefined;
  }

  private bind(namespace: string, name: string) {
    const { store, sched, events } = this.sim;
    const waiting = store.get("pods", namespace, name);
    if (!waiting || waiting.metadata.deletionTimestamp) return;
    const node = this.pickNode(waiting);
    const t = sched.now();
    if (!node) {
      const total = store.list("nodes").length;
      events.record(t, waiting, "Warning", "FailedScheduling", `0/${total} nodes are available: ${total} node(s) didn't match Pod's node affinity/selector or had untolerated taints. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`, { component: "default-scheduler" });
      sched.after(30 * SEC, () => this.bind(namespace, name));
      return;
    }
    const pod = store.update("pods", namespace, name, { manager: "kube-scheduler", time: t }, (p) => {
      p.spec.nodeName = node;
      p.status.conditions = [{ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: iso(t) }];
    });
    if (!pod) return;
    events.record(t, pod, "Normal", "Scheduled", `Successfully assigned ${namespace}/${name} to ${node}`, { component: "default-scheduler" });
    const nodeIndex = store.list("nodes").findIndex((n) => n.metadata.name === node);
    const podIp = `10.244.${nodeIndex}.${(this.podIps++ % 250) + 2}`;
    sched.after(1 * SEC, () => this.prepare(namespace, name, podIp));
  }

  private prepare(namespace: string, name: string, podIp: string) {
    const { store, sched, events } = this.sim;
    const t = sched.now();
    const pod = store.update("pods", namespace, name, { manager: "kubelet", time: t, subresource: "status" }, (p) => {
      const node = store.get("nodes", undefined, p.spec.nodeName);
      p.status.phase = "Pending";
      p.status.hostIP = node?.status.addresses[0].address;
      p.status.podIP = podIp;
      p.status.podIPs = [{ ip: podIp }];
      p.status.startTime = iso(t);
      p.status.qosClass = qosClass(p);
      preparingStatus(p, t);
    });
    if (!pod) return;
    const c = pod.spec.containers[0];
    const host = kubelet(pod.spec.nodeName);
    const behavior = this.sim.behaviorFor(pod);
    events.record(t, pod, "Normal", "Pulling", `Pulling image "${c.image}"`, host);
    if (!behavior.pullError) events.record(t, pod, "Normal", "Pulled", `Successfully pulled image "${c.image}" in 1.2s (1.2s including waiting). Image size: 48213504 bytes.`, host);
    const run: ContainerRun = {
      podKey: keyOf(namespace, name),
      namespace,
      pod: name,
      container: c.name,
      nodeName: pod.spec.nodeName,
      behavior,
      instance: -1,
      running: false,
      startedAt: t,
      restartCount: 0,
    };
    this.runs.set(run.podKey, run);
    if (behavior.pullError) return failPull(this.sim, run, () => this.alive(run));
    sched.after(2 * SEC, () => this.start(run));
  }

  private alive(run: ContainerRun) {
    return this.runs.get(run.podKey) === run && !!this.sim.store.get("pods", run.namespace, run.pod);
  }

  private start(run: ContainerRun) {
    if (!this.alive(run)) return;
    const { store, sched, events, rng } = this.sim;
    const t = sched.now();
    if (blockedByConfig(this.sim, run, () => this.start(run))) return;
    run.instance = run.restartCount;
    run.running = true;
    run.startedAt = t;
    const instance = run.instance;
    const pod = store.update("pods", run.namespace, run.pod, { manager: "kubelet", time: t, subresource: "status" }, (p) => {
      p.status.phase = "Running";
      const cs = p.status.containerStatuses[0];
      cs.state = { running: { startedAt: iso(t) } };
      cs.started = true;
      cs.containerID = `containerd://${run.podKey.length.toString(16)}${rng.next().toString(16).slice(2, 14)}${instance}`;
      cs.imageID = `${cs.image.split(":")[0]}@sha256:${rng.next().toString(16).slice(2).padEnd(16, "0")}`;
      startCompanions(p, t, run.podKey);
    })!;
    const host = kubelet(run.nodeName);
    if (instance > 0) events.record(t, pod, "Normal", "Pulled", `Container image "${pod.spec.containers[0].image}" already present on machine`, host);
    events.record(t, pod, "Normal", "Created", `Created container: ${run.container}`, host);
    events.record(t, pod, "Normal", "Started", `Started container ${run.container}`, host);

    const b = run.behavior;
    const stillThis = () => this.alive(run) && run.instance === instance && run.running;
    if (b.crash) {
      sched.after(b.crash.afterSeconds * SEC, () => stillThis() && this.crash(run, "Error", 1, b.crash!.lines(sched.now())));
    } else {
      sched.after(b.readySeconds * SEC, () => stillThis() && this.setReady(run, true));
    }
    if (b.leak) {
      const minutes = rng.int(b.leak.oomMinutes[0], b.leak.oomMinutes[1]);
      run.endsAt = t + minutes * 60 * SEC;
      sched.at(run.endsAt, () => stillThis() && this.oomKill(run));
    } else run.endsAt = undefined;
    const logTick = () => {
      if (!stillThis()) return;
      this.sim.logs.append(run.podKey, run.container, instance, sched.now(), b.logLine(rng, sched.now()));
      sched.after(b.logEverySeconds * SEC * (0.75 + rng.next() * 0.5), logTick);
    };
    if (!b.crash) sched.after(b.logEverySeconds * SEC * rng.next(), logTick);
  }

  private setReady(run: ContainerRun, ready: boolean) {
    const t = this.sim.sched.now();
    this.sim.store.update("pods", run.namespace, run.pod, { manager: "kubelet", time: t, subresource: "status" }, (p) => {
      p.status.containerStatuses[0].ready = ready;
      for (const c of p.status.conditions) {
        if (c.type !== "Ready" && c.type !== "ContainersReady") continue;
        const status = ready ? "True" : "False";
        if (c.status !== status) c.lastTransitionTime = iso(t);
        c.status = status;
        if (ready) {
          delete c.reason;
          delete c.message;
        } else {
          c.reason = "ContainersNotReady";
          c.message = `containers with unready status: [${run.container}]`;
        }
      }
    });
  }

  private oomKill(run: ContainerRun) {
    const t = this.sim.sched.now();
    const node = this.sim.store.get("nodes", undefined, run.nodeName)!;
    const pid = 4000 + this.sim.rng.int(0, 60000);
    const limitKb = (run.behavior.leak!.limitMi * 1024).toFixed(0);
    this.sim.events.record(
      t,
      node,
      "Warning",
      "OOMKilling",
      `Memory cgroup out of memory: Killed process ${pid} (${run.container}) total-vm:${Number(limitKb) + 812340}kB, anon-rss:${limitKb}kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:1288kB oom_score_adj:984`,
      { component: "kernel-monitor", host: run.nodeName },
    );
    this.crash(run, "OOMKilled", 137, []);
  }

  private crash(run: ContainerRun, reason: string, exitCode: number, lines: string[]) {
    const { store, sched, events, logs } = this.sim;
    const t = sched.now();
    for (const line of lines) logs.append(run.podKey, run.container, run.instance, t, line);
    logs.end(run.podKey, run.container, run.instance);
    const ranFor = t - run.startedAt;
    run.running = false;
    const terminated = { exitCode, reason, startedAt: iso(run.startedAt), finishedAt: iso(t), containerID: "" };
    store.update("pods", run.namespace, run.pod, { manager: "kubelet", time: t, subresource: "status" }, (p) => {
      const cs = p.status.containerStatuses[0];
      terminated.containerID = cs.containerID;
      cs.state = { terminated };
      cs.ready = false;
      cs.started = false;
    });
    this.setReady(run, false);
    const backoffCount = ranFor >= 2 * MAX_BACKOFF ? 0 : run.restartCount;
    const backoff = Math.min(10 * SEC * 2 ** Math.min(backoffCount, 10), MAX_BACKOFF);
    sched.after(1 * SEC, () => {
      if (!this.alive(run)) return;
      const t2 = sched.now();
      run.restartCount += 1;
      const pod = store.update("pods", run.namespace, run.pod, { manager: "kubelet", time: t2, subresource: "status" }, (p) => {
        const cs = p.status.containerStatuses[0];
        cs.restartCount = run.restartCount;
        cs.lastState = { terminated };
        const msg = `back-off ${formatBackoff(backoff)} restarting failed container=${run.container} pod=${run.pod}_${run.namespace}(${p.metadata.uid})`;
        cs.state = { waiting: { reason: "CrashLoopBackOff", message: msg } };
      })!;
      events.record(t2, pod, "Warning", "BackOff", `Back-off restarting failed container ${run.container} in pod ${run.pod}_${run.namespace}(${pod.metadata.uid})`, kubelet(run.nodeName));
      sched.after(backoff - 1 * SEC, () => this.start(run));
    });
  }

  /** The node's kubelet went silent: its containers no longer report usage or write logs. */
  stopNode(node: string) {
    for (const run of this.runs.values()) {
      if (run.nodeName !== node || !run.running) continue;
      run.running = false;
      this.sim.logs.end(run.podKey, run.container, run.instance);
    }
  }

  /** Removes a pod its kubelet has confirmed gone. */
  forgetPod(pod: KObj) {
    const key = keyOf(pod.metadata.namespace, pod.metadata.name);
    this.runs.delete(key);
    this.sim.logs.forget(key);
    this.sim.store.delete("pods", pod.metadata.namespace, pod.metadata.name);
  }

  /** Graceful deletion: the pod shows Terminating briefly, then disappears. */
  deletePod(pod: KObj) {
    const { store, sched, events, logs } = this.sim;
    const t = sched.now();
    const { namespace, name } = pod.metadata;
    const marked = store.update("pods", namespace, name, { manager: "kube-controller-manager", time: t }, (p) => {
      p.metadata.deletionTimestamp = iso(t + 30 * SEC);
      p.metadata.deletionGracePeriodSeconds = 30;
    });
    if (!marked) return;
    if (marked.spec.nodeName) events.record(t, marked, "Normal", "Killing", `Stopping container ${marked.spec.containers[0].name}`, kubelet(marked.spec.nodeName));
    const key = keyOf(namespace, name);
    const run = this.runs.get(key);
    if (run) run.running = false;
    sched.after(2 * SEC, () => {
      this.runs.delete(key);
      logs.forget(key);
      store.delete("pods", namespace, name);
    });
  }
}

function qosClass(pod: KObj) {
  const r = pod.spec.containers[0].resources ?? {};
  if (!r.requests && !r.limits) return "BestEffort";
  const same = r.limits && r.requests && r.limits.cpu === r.requests.cpu && r.limits.memory === r.requests.memory;
  return same ? "Guaranteed" : "Burstable";
}

const formatBackoff = (ms: number) => (ms >= 60 * SEC ? `${Math.floor(ms / 60000)}m${(ms % 60000) / 1000}s` : `${ms / 1000}s`);
