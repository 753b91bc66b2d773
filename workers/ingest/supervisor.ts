import type pg from "pg";
import { advanceClusterClock, readClusterClock, upsertCluster } from "@/lib/db/ingest/upsert-cluster.ts";
import type { KubeTarget } from "@/lib/k8s/load-kubeconfig.ts";
import { backoffMs, describeError, sleep } from "./backoff.ts";
import { ClusterClock } from "./cluster-clock.ts";
import type { ClusterContext } from "./cluster-context.ts";
import { ClusterHealth } from "./cluster-health.ts";
import type { IngestConfig } from "./config.ts";
import { eventsStream } from "./events-stream.ts";
import { logsStream } from "./logs-stream.ts";
import { metricsStream } from "./metrics-stream.ts";
import { objectsStream } from "./objects-stream.ts";
import { PodIndex } from "./pod-index.ts";
import { workloadsStream } from "./workloads-stream.ts";

// Runs every stream of one cluster until the signal aborts. Failures stay inside: a stream that throws
// is restarted with backoff, a cluster that cannot be reached is retried forever, and nothing here can
// stop another cluster's supervisor.

export type SupervisorDeps = { db: pg.Pool; config: IngestConfig; signal: AbortSignal; log?: (m: string) => void };

async function registerCluster(target: KubeTarget, deps: SupervisorDeps, log: (m: string) => void): Promise<string | undefined> {
  for (let attempt = 0; !deps.signal.aborted; attempt++) {
    try {
      return await upsertCluster(deps.db, target.context, target.server);
    } catch (err) {
      const wait = backoffMs(attempt, 1000);
      log(`database unavailable (${describeError(err)}); retrying in ${(wait / 1000).toFixed(1)}s`);
      await sleep(wait, deps.signal);
    }
  }
  return undefined;
}

export async function superviseCluster(target: KubeTarget, deps: SupervisorDeps): Promise<void> {
  const print = deps.log ?? ((m: string) => console.log(m));
  const log = (m: string) => print(`[ingest ${target.context}] ${m}`);
  const clusterId = await registerCluster(target, deps, log);
  if (!clusterId) return;
  const clock = new ClusterClock(await readClusterClock(deps.db, clusterId).catch(() => undefined));
  const describeTarget = `server ${target.server} (context "${target.context}" from ${target.source})`;
  const health = new ClusterHealth(deps.db, clusterId, describeTarget, log);
  const skips = new Map<string, number>();
  const ctx: ClusterContext = {
    clusterId,
    name: target.context,
    server: target.server,
    source: target.source,
    kc: target.kubeConfig,
    db: deps.db,
    config: deps.config,
    clock,
    signal: deps.signal,
    log,
    skip: (stream, reason) => {
      const n = (skips.get(stream) ?? 0) + 1;
      skips.set(stream, n);
      if (n <= 5 || n % 100 === 0) log(`${stream}: skipped malformed object #${n}: ${reason}`);
    },
    health: (stream, err) => health.report(stream, err),
  };
  log(`watching ${describeTarget}`);

  const pods = new PodIndex();
  const streams = {
    objects: objectsStream(ctx, pods),
    workloads: workloadsStream(ctx),
    events: eventsStream(ctx),
    logs: logsStream(ctx, pods),
    metrics: metricsStream(ctx, pods),
  };
  const keepRunning = async (name: string, run: () => Promise<void>) => {
    for (let attempt = 0; !deps.signal.aborted; attempt++) {
      try {
        await run();
      } catch (err) {
        log(`${name} stream crashed (${describeError(err)}); restarting`);
      }
      await sleep(backoffMs(attempt), deps.signal);
    }
  };
  const clockTimer = setInterval(() => {
    const t = clock.takeAdvance();
    if (t) advanceClusterClock(deps.db, clusterId, t).catch((err: unknown) => log(`cluster time not recorded: ${describeError(err)}`));
  }, 500);

  await Promise.all(Object.entries(streams).map(([name, s]) => keepRunning(name, s.run)));

  clearInterval(clockTimer);
  await Promise.all([streams.objects.drain(), streams.workloads.drain(), streams.events.drain(), streams.logs.drain()]);
  const t = clock.takeAdvance();
  if (t) await advanceClusterClock(deps.db, clusterId, t).catch(() => undefined);
  await health.settled();
  log("stopped");
}
