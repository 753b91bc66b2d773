import { setMaxListeners } from "node:events";
import type pg from "pg";
import { claimLease, releaseLease } from "@/lib/db/ingest/leases.ts";
import { listRegisteredClusters } from "@/lib/db/ingest/registered-clusters.ts";
import { markClusterStopped, setClusterStatus, upsertCluster } from "@/lib/db/ingest/upsert-cluster.ts";
import { KubeConfigError, targetFromKubeconfigText, type KubeTarget } from "@/lib/k8s/load-kubeconfig.ts";
import { INVALID_REGISTRATION } from "@/lib/domain/ingest-health.ts";
import { describeError, sleep } from "./backoff.ts";
import type { IngestConfig } from "./config.ts";
import { superviseCluster } from "./supervisor.ts";
import type { IngestMetrics } from "./ingest-metrics.ts";

// Which clusters this worker ingests. Candidates are the contexts of its own kubeconfig and the
// clusters registered in the database; it ingests those whose lease it holds. Every third of a lease
// it renews what it holds and tries to claim what nobody holds, so a worker that dies (kill -9, lost
// machine) has its clusters taken over within one lease plus one scan.
// A worker cut off from the database keeps its supervisors (and their bounded buffers) running: while
// it cannot renew it cannot write either, and the first renewal after the outage tells it whether
// another worker took over meanwhile. Every write is keyed on the fact (uid, first_seen, ts, seq), so
// even the last buffered batch of a worker that lost its lease adds no duplicate.

export type FleetOptions = {
  db: pg.Pool;
  targets: KubeTarget[];
  config: IngestConfig;
  holder: string;
  signal: AbortSignal;
  log: (m: string) => void;
  metrics?: IngestMetrics;
};

type Held = { target: KubeTarget; abort: AbortController; done: Promise<void>; kubeconfig?: string };

export async function runFleet(opts: FleetOptions): Promise<void> {
  const { db, holder, log } = opts;
  const ttl = opts.config.leaseSeconds;
  const scanMs = (ttl * 1000) / 3;
  const held = new Map<string, Held>();
  const kubeconfigIds = new Map<string, string>(); // context name → cluster id, once registered
  const badRegistrations = new Map<string, string>(); // cluster id → kubeconfig text already reported

  async function candidates(): Promise<Map<string, { target: KubeTarget; kubeconfig?: string }>> {
    const out = new Map<string, { target: KubeTarget; kubeconfig?: string }>();
    for (const t of opts.targets) {
      let id = kubeconfigIds.get(t.context);
      if (!id) kubeconfigIds.set(t.context, (id = await upsertCluster(db, t.context, t.server)));
      out.set(id, { target: t });
    }
    for (const r of await listRegisteredClusters(db)) {
      if (out.has(r.id)) continue; // this worker's own kubeconfig names it: its credentials win
      const current = held.get(r.id);
      if (current && current.kubeconfig === r.kubeconfig) {
        out.set(r.id, { target: current.target, kubeconfig: r.kubeconfig });
        continue;
      }
      try {
        out.set(r.id, { target: targetFromKubeconfigText(r.name, r.kubeconfig), kubeconfig: r.kubeconfig });
        badRegistrations.delete(r.id);
      } catch (err) {
        if (badRegistrations.get(r.id) === r.kubeconfig) continue;
        badRegistrations.set(r.id, r.kubeconfig);
        const reason = err instanceof KubeConfigError ? err.message : describeError(err);
        log(`[ingest] registered cluster "${r.name}" not watched: ${reason}`);
        await setClusterStatus(db, r.id, "unreachable", `${INVALID_REGISTRATION} ${reason}`).catch(() => undefined);
      }
    }
    return out;
  }

  function start(id: string, target: KubeTarget, kubeconfig: string | undefined) {
    const abort = new AbortController();
    const signal = AbortSignal.any([opts.signal, abort.signal]);
    setMaxListeners(0, signal);
    const done = superviseCluster(id, target, { db, config: opts.config, signal, log, metrics: opts.metrics }).catch((err: unknown) =>
      log(`[ingest ${target.context}] supervisor failed: ${describeError(err)}`),
    );
    held.set(id, { target, abort, done, kubeconfig });
  }

  async function stopHolding(id: string, why: string) {
    const h = held.get(id);
    if (!h) return;
    held.delete(id);
    log(`[ingest ${h.target.context}] ${why}`);
    h.abort.abort();
    await h.done;
  }

  let scanFailures = 0;
  while (!opts.signal.aborted) {
    try {
      const wanted = await candidates();
      for (const [id, h] of held) {
        if (!wanted.has(id) || wanted.get(id)?.kubeconfig !== h.kubeconfig) await stopHolding(id, "no longer registered as before; stopping");
      }
      for (const [id, { target, kubeconfig }] of wanted) {
        const mine = held.get(id);
        if (await claimLease(db, id, holder, ttl)) {
          if (!mine) {
            log(`[ingest ${target.context}] lease taken by ${holder}`);
            start(id, target, kubeconfig);
          }
        } else if (mine) {
          await stopHolding(id, "lease now held by another worker; stopping");
        }
      }
      scanFailures = 0;
    } catch (err) {
      if (scanFailures++ % 6 === 0) log(`[ingest] leases not renewed: ${describeError(err)}`);
    }
    await sleep(scanMs, opts.signal);
  }

  const mine = [...held.entries()];
  await Promise.all(mine.map(([, h]) => h.done));
  await Promise.all(
    mine.map(async ([id]) => {
      await markClusterStopped(db, id).catch(() => undefined);
      await releaseLease(db, id, holder).catch(() => undefined);
    }),
  );
}
