import { Watch, type KubeConfig } from "@kubernetes/client-node";
import { getJson } from "@/lib/k8s/get-json.ts";
import { backoffMs, describeError, httpStatusOf, retryWaitMs, sleep } from "./backoff.ts";
import type { ClusterContext } from "./cluster-context.ts";

// One list+watch kept alive for the life of the worker, as client-go's reflector does it: a paginated
// list, then a watch from the list's resourceVersion with bookmarks, re-watched from the last version
// seen when it ends, relisted on 410 Gone. Unlike client-node's informer it keeps no cache of the
// objects (each one is mapped to a row and let go), so memory does not grow with the cluster: a
// 10,000-pod list is read 500 objects at a time. After a failure the watch resumes from the last
// version seen; if that is too old the server says 410 and the stream relists, and `onList` lets it
// reconcile deletions it missed while disconnected.

export type InformerSpec<T> = {
  stream: string;
  path: string;
  onUpsert: (obj: T) => void;
  onDelete: (obj: T) => void;
  /** After a full list: the uids of every object listed (each was already given to onUpsert). */
  onList?: (uids: string[]) => void;
  /** Kinds a cluster may not serve (404) or Uptrust may not read (403): say so once and stop, instead of retrying forever. */
  optional?: boolean;
};

const PAGE = 500;
// The server ends a watch after this long; a fresh one from the last version costs nothing.
const WATCH_SECONDS = 300;

type Meta = { metadata?: { uid?: string; resourceVersion?: string; continue?: string } };
type ListPage<T> = Meta & { items?: T[] };
class Gone extends Error {}

async function listAll<T extends Meta>(ctx: ClusterContext, spec: InformerSpec<T>): Promise<string> {
  const uids: string[] = [];
  let token: string | undefined;
  let rv = "";
  do {
    const query = new URLSearchParams({ limit: String(PAGE), ...(token ? { continue: token } : {}) });
    const page = (await getJson(ctx.kc as KubeConfig, `${spec.path}?${query}`, AbortSignal.any([ctx.signal, AbortSignal.timeout(60_000)]))) as ListPage<T>;
    for (const item of page.items ?? []) {
      uids.push(item.metadata?.uid ?? "");
      spec.onUpsert(item);
    }
    rv = page.metadata?.resourceVersion ?? rv;
    token = page.metadata?.continue || undefined;
  } while (token && !ctx.signal.aborted);
  // A list cut short (shutdown mid-paging) must not reach onList: every object on the pages not read
  // would be taken for deleted.
  if (ctx.signal.aborted) return "";
  spec.onList?.(uids);
  return rv;
}

/** Watches from `rv` until the server ends the stream; resolves with the last version seen. */
function watchFrom<T extends Meta>(ctx: ClusterContext, spec: InformerSpec<T>, rv: string): Promise<string> {
  let last = rv;
  return new Promise((resolve, reject) => {
    let request: AbortController | undefined;
    const onAbort = () => request?.abort();
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    // A relist asked for mid-watch ends this watch as a 410 would.
    let relistAsked = false;
    const unsubscribe = ctx.relists.subscribe(() => {
      relistAsked = true;
      request?.abort(new Gone("relist requested"));
    });
    let ended = false;
    const finish = (err: unknown) => {
      ctx.signal.removeEventListener("abort", onAbort);
      unsubscribe();
      if (ctx.signal.aborted) return resolve(last);
      // An inactivity timeout on a quiet resource is not a failure: watch again from where it was.
      if (!err || (err as Error).name === "TimeoutError" || (err as Error).name === "AbortError") return resolve(last);
      reject(err);
    };
    const onEvent = (type: string, obj: T & { code?: number }) => {
      if (type === "ERROR") {
        if (obj.code === 410) request?.abort(new Gone("resourceVersion expired"));
        else request?.abort(Object.assign(new Error(`watch error: ${JSON.stringify(obj).slice(0, 200)}`), { statusCode: obj.code }));
        return;
      }
      if (type === "ADDED" || type === "MODIFIED") spec.onUpsert(obj);
      else if (type === "DELETED") spec.onDelete(obj);
      last = obj.metadata?.resourceVersion || last;
    };
    new Watch(ctx.kc as KubeConfig)
      .watch(spec.path, { resourceVersion: rv, allowWatchBookmarks: true, timeoutSeconds: WATCH_SECONDS }, onEvent, (err: unknown) => {
        ended = true;
        const reason = request?.signal.reason;
        if (reason instanceof Gone) {
          unsubscribe();
          ctx.signal.removeEventListener("abort", onAbort);
          return resolve("");
        }
        finish(reason instanceof Error && reason.name !== "AbortError" ? reason : err);
      })
      .then((controller) => {
        request = controller;
        if (ctx.signal.aborted) controller.abort();
        else if (relistAsked) controller.abort(new Gone("relist requested"));
        // The server accepted the watch: the stream is connected again, long before this watch ends.
        // (client-node resolves with the controller after a failed request too, once done() has run.)
        else if (!ended) ctx.health(spec.stream, null);
      })
      .catch((err: unknown) => finish(err));
  });
}

export async function runInformer<T extends Meta>(ctx: ClusterContext, spec: InformerSpec<T>): Promise<void> {
  let attempt = 0;
  let listed = false;
  let rv = "";
  let relistsSeen = ctx.relists.current();
  while (!ctx.signal.aborted) {
    try {
      if (ctx.relists.current() !== relistsSeen) {
        relistsSeen = ctx.relists.current();
        rv = "";
      }
      if (!rv) {
        rv = await listAll(ctx, spec);
        listed = true;
        attempt = 0;
        ctx.health(spec.stream, null);
      }
      const began = Date.now();
      rv = await watchFrom(ctx, spec, rv);
      attempt = 0;
      // A server that ends every watch at once must not be asked again in a tight loop.
      if (Date.now() - began < 1000) await sleep(1000, ctx.signal);
    } catch (failure) {
      if (ctx.signal.aborted) return;
      const status = httpStatusOf(failure);
      if (spec.optional && !listed && status === 404) {
        ctx.log(`${spec.stream}: not served by this cluster (404); not watched`);
        return;
      }
      if (spec.optional && !listed && status === 403) {
        ctx.log(`${spec.stream}: Uptrust's credentials may not list ${spec.path} (403); not watched (grant get/list/watch on it to track it)`);
        return;
      }
      // Lost connections resume the watch where it was; anything the server itself refused (410 Gone,
      // a version it has not reached after a restore, a 5xx) starts over with a list.
      if (httpStatusOf(failure) !== undefined) rv = "";
      ctx.health(spec.stream, failure);
      const wait = retryWaitMs(failure, backoffMs(attempt));
      // The cluster-level "unreachable" line already says what is wrong: repeat per stream only now and then.
      if (attempt > 0 && attempt % 10 === 0) ctx.log(`${spec.stream}: ${describeError(failure)}; retrying in ${(wait / 1000).toFixed(1)}s`);
      attempt += 1;
      await sleep(wait, ctx.signal);
    }
  }
}
