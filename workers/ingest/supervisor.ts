import type pg from "pg";
import { rollupUsage } from "@/lib/db/ingest/rollup-usage.ts";
import { advanceClusterClock, readClusterClock } from "@/lib/db/ingest/upsert-cluster.ts";
import type { KubeTarget } from "@/lib/k8s/load-kubeconfig.ts";
import { backoffMs, describeError, sleep } from "./backoff.ts";
import { Backlog } from "./backlog.ts";
import { Relists } from "./relists.ts";
import { ClusterClock } from "./cluster-clock.ts";
import type { ClusterContext } from "./cluster-context.ts";
import { configStream } from "./config-stream.ts";
import { ClusterHealth } from "./cluster-health.ts";
import type { IngestMetrics } from "./ingest-metrics.ts";
import type { IngestConfig } from "./config.ts";
import { eventsStream } from "./events-stream.ts";
import { kindsStream } from "./kinds-stream.ts";
import { logsStream } from "./logs-stream.ts";
import { metricsStream } from "./metrics-stream.ts";
import { objectsStream } from "./objects-stream.ts";
import { PodIndex } from "./pod-index.ts";
import { workloadsStream } from "./workloads-stream.ts";

// Runs every stream of one cluster until the signal aborts (shutdown, or the lease on the cluster was
// lost). Failures stay inside: a stream that throws is restarted with backoff, a cluster that cannot
// be reached is retried forever, and nothing here can stop another cluster's supervisor.

export type SupervisorDeps = { db: pg.Pool; config: IngestConfig; signal: AbortSignal; log?: (m: string) => void; metrics?: IngestMetrics };

const HEARTBEAT_MS = 5000;
const ROLLUP_MS = 60_000;

export async function superviseCluster(clusterId: string, target: KubeTarget, deps: SupervisorDeps): Promise<void> {
  const print = deps.log ?? ((m: string) => console.log(m));
  const log = (m: string) => print(`[ingest ${target.context}] ${m}`);
  const clock = new ClusterClock(await readClusterClock(deps.db, clusterId).catch(() => undefined));
  const describeTarget = `server ${target.server} (context "${target.context}" from ${target.source})`;
  const health = new ClusterHealth(deps.db, clusterId, describeTarget, log);
  const skips = new Map<string, number>();
  const backlog = new Backlog();
  const relists = new Relists();
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
    backlog,
    relists,
    log,
    skip: (stream, reason) => {
      const n = (skips.get(stream) ?? 0) + 1;
      skips.set(stream, n);
      if (n <= 5 || n % 100 === 0) log(`${stream}: skipped malformed object #${n}: ${reason}`);
    },
    health: (stream, err) => {
      if (err !== null) deps.metrics?.streamError(target.context, stream);
      health.report(stream, err);
    },
  };
  log(`watching ${describeTarget}`);

  const pods = new PodIndex();
  const streams = {
    objects: objectsStream(ctx, pods),
    workloads: workloadsStream(ctx),
    config: configStream(ctx),
    kinds: kindsStream(ctx),
    events: eventsStream(ctx, pods),
    logs: logsStream(ctx, pods),
    metrics: metricsStream(ctx, pods),
  };
  const keepRunning = async (name: string, run: () => Promise<void>) => {
    for (let attempt = 0; !deps.signal.aborted; attempt++) {
      try {
        await run();
      } catch (err) {
        log(`${name} stream crashed (${describeError(err)}); restarting`);
        deps.metrics?.streamRestart(target.context, name);
      }
      await sleep(backoffMs(attempt), deps.signal);
    }
  };
  const clockTimer = setInterval(() => {
    const t = clock.takeAdvance();
    if (t) advanceClusterClock(deps.db, clusterId, t).catch((err: unknown) => log(`cluster time not recorded: ${describeError(err)}`));
  }, 500);
  // Once buffers that dropped facts have room again, a relist brings back what the cluster still has.
  let droppedAtRelist = 0;
  let droppedCounted = 0;
  const heartbeat = setInterval(() => {
    health.heartbeat(backlog);
    const dropped = backlog.dropped();
    deps.metrics?.heartbeat(target.context, backlog, dropped - droppedCounted);
    droppedCounted = dropped;
    if (dropped > droppedAtRelist && backlog.full().length === 0 && backlog.lagMs() < HEARTBEAT_MS) {
      droppedAtRelist = dropped;
      log(`${dropped} facts were dropped while the database was unavailable; relisting to recover what the cluster still has`);
      relists.request();
    }
  }, HEARTBEAT_MS);
  // Rollups belong to the worker holding the cluster, so two workers never compute the same buckets.
  let rolling: Promise<unknown> | undefined;
  const rollups = setInterval(() => {
    rolling ??= rollupUsage(deps.db, clusterId)
      .catch((err: unknown) => log(`usage rollup failed: ${describeError(err)}`))
      .finally(() => (rolling = undefined));
  }, ROLLUP_MS);

  await Promise.all(Object.entries(streams).map(([name, s]) => keepRunning(name, s.run)));

  clearInterval(clockTimer);
  clearInterval(heartbeat);
  clearInterval(rollups);
  await rolling;
  // SIGTERM drains what is buffered: every stream with a write buffer flushes it once.
  await Promise.all(Object.values(streams).map((s) => ("drain" in s ? s.drain() : undefined)));
  const t = clock.takeAdvance();
  if (t) await advanceClusterClock(deps.db, clusterId, t).catch(() => undefined);
  health.heartbeat(backlog);
  await health.settled();
  log("stopped");
}
