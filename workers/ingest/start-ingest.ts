import { setMaxListeners } from "node:events";
import type pg from "pg";
import { ensureMonthPartitions } from "@/lib/db/ingest/ensure-partitions.ts";
import type { KubeTarget } from "@/lib/k8s/load-kubeconfig.ts";
import { describeError } from "./backoff.ts";
import type { IngestConfig } from "./config.ts";
import { superviseCluster } from "./supervisor.ts";

// The ingest worker minus process concerns (env, signals): one supervisor per cluster, plus the hourly
// partition upkeep. Used by main.ts and, in-process, by the integration test.

export type RunningIngest = { stop: () => Promise<void>; done: Promise<void> };

export function startIngest(opts: { db: pg.Pool; targets: KubeTarget[]; config: IngestConfig; log?: (m: string) => void }): RunningIngest {
  const log = opts.log ?? ((m: string) => console.log(m));
  const abort = new AbortController();
  // Every informer and log follower listens for shutdown on this one signal.
  setMaxListeners(0, abort.signal);
  const partitions = () => ensureMonthPartitions(opts.db).catch((err: unknown) => log(`[ingest] partitions not ensured: ${describeError(err)}`));
  const hourly = setInterval(partitions, 3_600_000);
  const done = partitions()
    .then(() =>
      Promise.allSettled(opts.targets.map((t) => superviseCluster(t, { db: opts.db, config: opts.config, signal: abort.signal, log }))),
    )
    .then((results) => {
      for (const r of results) if (r.status === "rejected") log(`[ingest] a cluster supervisor failed: ${describeError(r.reason)}`);
    })
    .finally(() => clearInterval(hourly));
  return {
    done,
    stop: async () => {
      abort.abort();
      await done;
    },
  };
}
