import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { hostname } from "node:os";
import type pg from "pg";
import { partitionUpkeep } from "@/lib/db/ingest/retention.ts";
import type { KubeTarget } from "@/lib/k8s/load-kubeconfig.ts";
import { describeError } from "./backoff.ts";
import type { IngestConfig } from "./config.ts";
import { runFleet } from "./fleet.ts";
import type { IngestMetrics } from "./ingest-metrics.ts";

// The ingest worker minus process concerns (env, signals): the clusters it holds a lease on, one
// supervisor each, plus the hourly partition upkeep. Used by main.ts and, in-process, by tests.

export type RunningIngest = { holder: string; stop: () => Promise<void>; done: Promise<void> };

export function startIngest(opts: {
  db: pg.Pool;
  targets: KubeTarget[];
  config: IngestConfig;
  log?: (m: string) => void;
  /** How this worker is named in leases and logs; unique per process by default. */
  holder?: string;
  /** Where the worker's own figures go (its /metrics); none by default. */
  metrics?: IngestMetrics;
}): RunningIngest {
  const log = opts.log ?? ((m: string) => console.log(m));
  const holder = opts.holder ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const abort = new AbortController();
  // Every informer and log follower listens for shutdown on this one signal.
  setMaxListeners(0, abort.signal);
  const retention = { factsDays: opts.config.retentionDays, usageDays: opts.config.usageRetentionDays };
  const partitions = () =>
    partitionUpkeep(opts.db, retention)
      .then((done) => {
        if (done?.dropped.length) log(`[ingest] retention: dropped ${done.dropped.join(", ")}`);
      })
      .catch((err: unknown) => log(`[ingest] partitions not ensured: ${describeError(err)}`));
  const hourly = setInterval(partitions, 3_600_000);
  const done = partitions()
    .then(() => runFleet({ db: opts.db, targets: opts.targets, config: opts.config, holder, signal: abort.signal, log, metrics: opts.metrics }))
    .catch((err: unknown) => log(`[ingest] stopped by an unexpected failure: ${describeError(err)}`))
    .finally(() => clearInterval(hourly));
  return {
    holder,
    done,
    stop: async () => {
      abort.abort();
      await done;
    },
  };
}
