import { followPlan, type FollowTarget, type LogPod } from "@/lib/domain/log-follow-plan.ts";
import type { PodRow } from "@/lib/k8s/map-pod.ts";
import { backoffMs, describeError, httpStatusOf } from "./backoff.ts";
import type { ClusterContext } from "./cluster-context.ts";
import { followContainer } from "./log-follower.ts";
import { LogWriter } from "./log-writer.ts";
import type { PodIndex } from "./pod-index.ts";

// Follows the containers lib/domain/log-follow-plan.ts picks (restarted ones anywhere first, then the
// chosen workloads' running ones), at most UPTRUST_LOG_MAX_FOLLOWERS at once. A container instance (its
// containerID) is followed until its stream ends; a new instance after a restart gets a new follower
// that resumes after the last stored line.

type Follower = { instance: string; abort: AbortController };
type Ended = { instance: string; at: number; failures: number; retryAfter: number };
const RECONCILE_MS = 1000;
const COALESCE_MS = 100;

// A pod warned about in the last ten minutes of cluster time is followed as one in trouble.
const WARNED_MS = 10 * 60_000;

const forLogs = (pod: PodRow, warned: boolean): LogPod => ({
  uid: pod.uid,
  namespace: pod.namespace,
  name: pod.name,
  phase: pod.phase,
  workloadName: pod.workload?.name,
  warned,
  containers: pod.containers.map((c) => ({ name: c.name, containerId: c.containerId, restartCount: c.restartCount, running: c.state === "running" })),
});

export function logsStream(ctx: ClusterContext, pods: PodIndex) {
  const writer = new LogWriter(ctx);
  ctx.backlog.add(writer);
  const followers = new Map<string, Follower>();
  const ended = new Map<string, Ended>();
  let capLogged = false;

  function start(t: FollowTarget) {
    const { key, instance } = t;
    const abort = new AbortController();
    const stop = () => abort.abort();
    ctx.signal.addEventListener("abort", stop, { once: true });
    followers.set(key, { instance, abort });
    const previous = ended.get(key);
    followContainer(ctx, { namespace: t.namespace, pod: t.pod, container: t.container }, writer, abort.signal)
      .then((end) => {
        const retry = end.reason === "budget" ? 60_000 : 1000;
        if (end.reason === "budget") ctx.log(`logs: ${key} reached its ${ctx.config.logBytesPerContainer}-byte budget; pausing 60s`);
        ended.set(key, { instance, at: Date.now(), failures: 0, retryAfter: retry });
      })
      .catch((err: unknown) => {
        if (abort.signal.aborted) return;
        const failures = previous?.instance === instance ? previous.failures + 1 : 1;
        // 400: container not started yet / already gone; not a cluster outage.
        if (httpStatusOf(err) !== 400 && failures === 1) ctx.log(`logs: ${key}: ${describeError(err)}`);
        ended.set(key, { instance, at: Date.now(), failures, retryAfter: backoffMs(failures, 1000, 60_000) });
      })
      .finally(() => {
        ctx.signal.removeEventListener("abort", stop);
        if (followers.get(key)?.abort === abort) followers.delete(key);
      });
  }

  function reconcile() {
    if (ctx.signal.aborted) return;
    const since = ctx.clock.now().getTime() - WARNED_MS; // cluster time, as the events are stamped
    const plan = followPlan(
      pods.all().map((p) => forLogs(p, pods.warnedSince(p.namespace, p.name, since))),
      ctx.config.logWorkloads,
      ctx.config.maxLogFollowers,
    );
    if (plan.waiting > 0 && !capLogged) {
      ctx.log(`logs: following the maximum of ${ctx.config.maxLogFollowers} containers, restarted ones first; ${plan.waiting} others wait (UPTRUST_LOG_MAX_FOLLOWERS)`);
      capLogged = true;
    }
    const live = new Set(plan.follow.map((t) => t.key));
    // Gone, or displaced by a container that restarted: its follower makes room.
    for (const [key, f] of followers) if (!live.has(key)) f.abort.abort();
    for (const t of plan.follow) {
      const current = followers.get(t.key);
      if (current?.instance === t.instance) continue;
      // A newer instance replaces a follower still attached to the previous one.
      if (current) current.abort.abort();
      const last = ended.get(t.key);
      // A finished instance is only re-followed while it still runs (the stream was cut, not the container).
      if (last?.instance === t.instance && (!t.running || Date.now() - last.at < last.retryAfter)) continue;
      start(t);
    }
    for (const key of ended.keys()) if (!live.has(key)) ended.delete(key);
  }

  async function run() {
    // Pod updates come in thousands during a list: one plan per burst, not one per pod (a plan is a
    // pass over every pod, and 10,000 of them per update would be quadratic).
    let scheduled: NodeJS.Timeout | undefined;
    const unsubscribe = pods.subscribe(() => {
      scheduled ??= setTimeout(() => {
        scheduled = undefined;
        reconcile();
      }, COALESCE_MS);
    });
    const timer = setInterval(reconcile, RECONCILE_MS);
    // After buffers dropped lines, every follower starts again from the last line stored: the kubelet
    // still has the rest.
    const unsubscribeRelists = ctx.relists.subscribe(() => {
      for (const f of followers.values()) f.abort.abort();
    });
    await new Promise<void>((resolve) => ctx.signal.addEventListener("abort", () => resolve(), { once: true }));
    clearInterval(timer);
    if (scheduled) clearTimeout(scheduled);
    unsubscribe();
    unsubscribeRelists();
    for (const f of followers.values()) f.abort.abort();
  }

  return { run, drain: () => writer.drain(), stats: () => ({ followers: followers.size, written: writer.written }) };
}
