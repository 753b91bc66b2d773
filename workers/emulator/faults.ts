import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Server as TlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { iso } from "./clock.ts";
import { burstEvents, burstPodUpdates } from "./scenarios/scale.ts";
import type { Cluster } from "./sim/cluster.ts";
import type { EventRecorder } from "./sim/events.ts";
import { writeSnapshot } from "./snapshot.ts";
import { sendStatus, sendTooManyRequests } from "./status.ts";

export type FailureSpec = { status: 429 | 500 | 503; count: number; retryAfterSeconds?: number; pathPrefix?: string };
export type SlowSpec = { delayMs: number; pathPrefix?: string };

/**
 * What Uptrust's ingest must survive from a real cluster, on demand: watches that end, history that
 * is compacted away, throttling and server errors, a slow API server, a node with a wrong clock,
 * and an API server restart.
 */
export type FaultControls = {
  /** Ends every open watch stream at once, as a load balancer or an API server going away does. */
  dropWatches(): void;
  /** A node heartbeat, then compaction and the end of open watches: every watcher reconnects into 410 Expired and relists. */
  forceGone(): void;
  /** The next `count` requests (under `pathPrefix`) fail with a Status body; 429 and 503 carry Retry-After. */
  failNext(spec: FailureSpec): void;
  /** Delays every request (under `pathPrefix`) until `clearFaults()`. */
  slow(spec: SlowSpec): void;
  /** Events recorded from now on carry timestamps shifted by `ms`, as from a node whose clock is off. */
  skewEventClock(ms: number): void;
  /** Removes pending failures, delays and clock skew. */
  clearFaults(): void;
  /** The API server goes away and comes back on the same port with the same objects and resourceVersions. */
  restart(opts?: { downMs?: number }): Promise<void>;
  /** Writes the cluster's state, so `startEmulator({ restoreFrom })` in another process serves it. */
  snapshot(path: string): Promise<void>;
  /** Load for benchmarks: `count` pod updates at once, each a MODIFIED for every pod watcher. */
  burstPodUpdates(count: number): number;
  /** Load for ingest benchmarks: `count` new Warning events at once, each with its own message. */
  burstEvents(count: number): number;
};

type Deps = { cluster: Cluster; server: Server | TlsServer; openWatches: Set<() => void>; scenarioNow(): number; scenarioStart: number };
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const REASONS = { 429: "TooManyRequests", 500: "InternalError", 503: "ServiceUnavailable" } as const;
const MESSAGES = {
  429: "Too many requests, please try again later.",
  500: "Internal error occurred: the Uptrust emulator was asked to fail this request",
  503: "the server is currently unable to handle the request",
} as const;

export function createFaults(deps: Deps) {
  const failures: FailureSpec[] = [];
  const delays: SlowSpec[] = [];
  const delayed = new WeakSet<IncomingMessage>();
  let skewMs = 0;

  const events: EventRecorder = deps.cluster.sim.events;
  const record = events.record.bind(events);
  events.record = (time, ...rest) => record(time + skewMs, ...rest);

  const applies = (spec: { pathPrefix?: string }, path: string) => !spec.pathPrefix || path.startsWith(spec.pathPrefix);
  const endWatches = () => {
    for (const close of [...deps.openWatches]) close();
  };

  /** Called first for every request; true when the fault answered it (or will serve it later). */
  function intercept(req: IncomingMessage, res: ServerResponse, serve: Handler): boolean {
    if (!failures.length && !delays.length) return false;
    const path = (req.url ?? "/").split("?")[0];
    const failure = failures.find((f) => f.count > 0 && applies(f, path));
    if (failure) {
      failure.count -= 1;
      if (failure.count <= 0) failures.splice(failures.indexOf(failure), 1);
      const retry = failure.retryAfterSeconds ?? 1;
      if (failure.status === 429) sendTooManyRequests(res, retry, MESSAGES[429]);
      else {
        const headers: Record<string, string> = failure.status === 503 ? { "retry-after": String(retry) } : {};
        const details = failure.status === 503 ? { retryAfterSeconds: retry } : undefined;
        sendStatus(res, failure.status, REASONS[failure.status], MESSAGES[failure.status], details, headers);
      }
      return true;
    }
    const delay = delays.find((d) => applies(d, path));
    if (!delay || delayed.has(req)) return false;
    delayed.add(req);
    setTimeout(() => {
      if (!res.destroyed) serve(req, res);
    }, delay.delayMs);
    return true;
  }

  const controls: FaultControls = {
    dropWatches: endWatches,
    forceGone() {
      // A real cluster writes all the time (node heartbeats), so a watcher that was up to date is
      // behind by the time history is compacted; one heartbeat makes that true here as well.
      const { store } = deps.cluster.sim;
      const node = store.list("nodes")[0];
      const time = deps.scenarioNow();
      if (node) {
        store.update("nodes", undefined, node.metadata.name, { manager: "kubelet", time, subresource: "status" }, (n) => {
          for (const c of n.status?.conditions ?? []) c.lastHeartbeatTime = iso(time);
        });
      }
      store.compact();
      endWatches();
    },
    failNext(spec) {
      failures.push({ ...spec });
    },
    slow(spec) {
      delays.push({ ...spec });
    },
    skewEventClock(ms) {
      skewMs = ms;
    },
    clearFaults() {
      failures.length = 0;
      delays.length = 0;
      skewMs = 0;
    },
    async restart(opts = {}) {
      const { server } = deps;
      const { port } = server.address() as AddressInfo;
      endWatches();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise((r) => setTimeout(r, opts.downMs ?? 200));
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => {
          server.off("error", reject);
          resolve();
        });
      });
    },
    snapshot: (path) => writeSnapshot(path, { store: deps.cluster.sim.store, scenarioStart: deps.scenarioStart, scenarioNow: deps.scenarioNow() }),
    burstPodUpdates: (count) => burstPodUpdates(deps.cluster, count),
    burstEvents: (count) => burstEvents(deps.cluster, count),
  };
  return { intercept, controls };
}
