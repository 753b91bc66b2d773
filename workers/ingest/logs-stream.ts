import type { PodRow } from "@/lib/k8s/map-pod.ts";
import { backoffMs, describeError, httpStatusOf } from "./backoff.ts";
import type { ClusterContext } from "./cluster-context.ts";
import { followContainer } from "./log-follower.ts";
import { LogWriter } from "./log-writer.ts";
import type { PodIndex } from "./pod-index.ts";

// Decides which containers to follow: every container of Running pods outside kube-system, plus any
// container that restarted (a crash is worth reading anywhere). A container instance (its containerID)
// is followed until its stream ends; a new instance after a restart gets a new follower that resumes
// after the last stored line. A global cap keeps a 5,000-pod cluster from opening 5,000 streams.

type Follower = { instance: string; abort: AbortController };
type Ended = { instance: string; at: number; failures: number; retryAfter: number };
const RECONCILE_MS = 1000;

function wanted(pod: PodRow): Array<{ container: string; instance: string; running: boolean }> {
  if (pod.phase !== "Running" && !pod.containers.some((c) => c.restartCount > 0)) return [];
  return pod.containers
    .filter((c) => (pod.namespace !== "kube-system" && pod.phase === "Running") || c.restartCount > 0)
    .filter((c) => c.containerId || c.restartCount > 0)
    .map((c) => ({ container: c.name, instance: `${pod.uid}/${c.containerId ?? ""}#${c.restartCount}`, running: c.state === "running" }));
}

export function logsStream(ctx: ClusterContext, pods: PodIndex) {
  const writer = new LogWriter(ctx);
  ctx.backlog.add(writer);
  const followers = new Map<string, Follower>();
  const ended = new Map<string, Ended>();
  let capLogged = false;

  function start(pod: PodRow, container: string, instance: string) {
    const key = `${pod.namespace}/${pod.name}/${container}`;
    const abort = new AbortController();
    const stop = () => abort.abort();
    ctx.signal.addEventListener("abort", stop, { once: true });
    followers.set(key, { instance, abort });
    const previous = ended.get(key);
    followContainer(ctx, { namespace: pod.namespace, pod: pod.name, container }, writer, abort.signal)
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
    const live = new Set<string>();
    for (const pod of pods.all()) {
      for (const w of wanted(pod)) {
        const key = `${pod.namespace}/${pod.name}/${w.container}`;
        live.add(key);
        const current = followers.get(key);
        if (current?.instance === w.instance) continue;
        // A newer instance replaces a follower still attached to the previous one.
        if (current) current.abort.abort();
        const last = ended.get(key);
        // A finished instance is only re-followed while it still runs (the stream was cut, not the container).
        if (last?.instance === w.instance && (!w.running || Date.now() - last.at < last.retryAfter)) continue;
        if (followers.size >= ctx.config.maxLogFollowers) {
          if (!capLogged) ctx.log(`logs: following the maximum of ${ctx.config.maxLogFollowers} containers; others wait (UPTRUST_LOG_MAX_FOLLOWERS)`);
          capLogged = true;
          return;
        }
        start(pod, w.container, w.instance);
      }
    }
    for (const [key, f] of followers) if (!live.has(key)) f.abort.abort();
    for (const key of ended.keys()) if (!live.has(key)) ended.delete(key);
  }

  async function run() {
    const unsubscribe = pods.subscribe(() => setImmediate(reconcile));
    const timer = setInterval(reconcile, RECONCILE_MS);
    await new Promise<void>((resolve) => ctx.signal.addEventListener("abort", () => resolve(), { once: true }));
    clearInterval(timer);
    unsubscribe();
    for (const f of followers.values()) f.abort.abort();
  }

  return { run, drain: () => writer.drain(), stats: () => ({ followers: followers.size, written: writer.written }) };
}
