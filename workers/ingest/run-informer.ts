import { makeInformer, type KubeConfig, type KubernetesListObject, type KubernetesObject } from "@kubernetes/client-node";
import { backoffMs, describeError, httpStatusOf, sleep } from "./backoff.ts";
import type { ClusterContext } from "./cluster-context.ts";

// One list+watch kept alive for the life of the worker. client-node's informer re-watches after a
// server timeout and relists on 410 Gone by itself; any other failure (cluster down, TLS, 5xx) ends it
// with an 'error', after which Uptrust builds a fresh informer after a jittered backoff. A fresh
// informer relists, and `onList` lets the stream reconcile deletions it missed while disconnected.

export type InformerSpec<T extends KubernetesObject> = {
  stream: string;
  path: string;
  list: () => Promise<KubernetesListObject<T>>;
  onUpsert: (obj: T) => void;
  onDelete: (obj: T) => void;
  onList?: (items: T[]) => void;
  /** Kinds a cluster may not serve (404): stop quietly instead of retrying forever. */
  optional?: boolean;
};

export async function runInformer<T extends KubernetesObject>(ctx: ClusterContext, spec: InformerSpec<T>): Promise<void> {
  let attempt = 0;
  while (!ctx.signal.aborted) {
    let listed = false;
    const list = async () => {
      const result = await spec.list();
      listed = true;
      attempt = 0;
      ctx.health(spec.stream, null);
      spec.onList?.(result.items ?? []);
      return result;
    };
    const informer = makeInformer(ctx.kc as KubeConfig, spec.path, list);
    informer.on("add", spec.onUpsert);
    informer.on("update", spec.onUpsert);
    informer.on("delete", spec.onDelete);
    const failure = await new Promise<unknown>((resolve) => {
      const onAbort = () => resolve(undefined);
      ctx.signal.addEventListener("abort", onAbort, { once: true });
      informer.on("error", (err?: unknown) => {
        ctx.signal.removeEventListener("abort", onAbort);
        resolve(err ?? new Error("watch ended with an error"));
      });
      informer.start().catch((err: unknown) => resolve(err));
    });
    await informer.stop().catch(() => undefined);
    if (ctx.signal.aborted) return;
    if (spec.optional && !listed && httpStatusOf(failure) === 404) {
      ctx.log(`${spec.stream}: not served by this cluster (404); not watched`);
      return;
    }
    ctx.health(spec.stream, failure);
    const wait = backoffMs(attempt);
    // The cluster-level "unreachable" line already says what is wrong: repeat per stream only now and then.
    if (attempt > 0 && attempt % 10 === 0) ctx.log(`${spec.stream}: ${describeError(failure)}; retrying in ${(wait / 1000).toFixed(1)}s`);
    attempt += 1;
    await sleep(wait, ctx.signal);
  }
}
