import type { V1DaemonSet, V1Deployment, V1StatefulSet } from "@kubernetes/client-node";
import { markDeleted, markMissingDeleted } from "@/lib/db/ingest/upsert-namespaces-nodes.ts";
import { recordWorkload } from "@/lib/db/ingest/record-workload.ts";
import { describeError } from "./backoff.ts";
import { mapWorkload, type WorkloadRow } from "@/lib/k8s/map-workload.ts";
import { WATCHED_PATHS } from "@/lib/k8s/ingest-api-paths.ts";
import { observedAt } from "@/lib/k8s/observed-at.ts";
import type { WorkloadKind } from "@/lib/k8s/pod-workload.ts";
import type { ClusterContext } from "./cluster-context.ts";
import { isRefusedData } from "./isolate-bad-rows.ts";
import { runInformer } from "./run-informer.ts";

// Deployments (and StatefulSets/DaemonSets where served). Unlike pods, every update is written in
// order and none is coalesced: the intermediate states of a rollout ("3 of 4 available") are exactly
// what the availability SLO and the incident timeline are made of.

type Op = { upsert: WorkloadRow } | { deleteUid: string; kind: WorkloadKind; at: Date };

export function workloadsStream(ctx: ClusterContext): { run: () => Promise<void>; drain: () => Promise<void> } {
  const queue: Op[] = [];
  const queuedAt: number[] = [];
  let busy: Promise<void> | undefined;
  let dropped = 0;

  async function pump(): Promise<void> {
    while (queue.length > 0) {
      const op = queue[0];
      try {
        if ("upsert" in op) {
          const r = await recordWorkload(ctx.db, ctx.clusterId, op.upsert);
          if (r.change) ctx.log(`change ${op.upsert.namespace}/${op.upsert.name}: ${r.change}`);
        } else {
          await markDeleted(ctx.db, "workloads", ctx.clusterId, [op.deleteUid], op.at);
        }
        queue.shift();
        queuedAt.shift();
      } catch (err) {
        if (isRefusedData(err)) {
          // Retrying cannot help a row the database refuses: skip it, keep the rollout's other states.
          ctx.skip("workloads", `${"upsert" in op ? `${op.upsert.namespace}/${op.upsert.name}` : op.deleteUid}: refused by the database (${describeError(err)})`);
          queue.shift();
          queuedAt.shift();
          continue;
        }
        ctx.log(`workloads: write failed (${describeError(err)}); retrying`);
        await new Promise((r) => setTimeout(r, 1000));
        if (ctx.signal.aborted) return;
      }
    }
  }
  const enqueue = (op: Op) => {
    // Bounded: a database outage long enough to fill this loses the oldest states, and says so.
    if (queue.length >= ctx.config.bufferRows) {
      queue.splice(1, 1);
      queuedAt.splice(1, 1);
      if (++dropped % 1000 === 1) ctx.log(`workloads: write buffer full (${ctx.config.bufferRows} updates waiting for the database); ${dropped} oldest updates dropped so far`);
    }
    queue.push(op);
    queuedAt.push(Date.now());
    busy ??= pump().finally(() => (busy = undefined));
  };

  ctx.backlog.add({
    name: "workloads",
    oldestPendingAt: () => queuedAt[0],
    dropped: () => dropped,
    fill: () => Math.min(1, queue.length / ctx.config.bufferRows),
  });

  function informer<T extends V1Deployment | V1StatefulSet | V1DaemonSet>(kind: WorkloadKind, path: string, optional: boolean) {
    return runInformer<T>(ctx, {
      stream: `${kind}s`,
      path,
      optional,
      onUpsert: (obj) => {
        const m = mapWorkload(kind, obj, ctx.clock.now());
        if (!m.ok) return ctx.skip("workloads", m.reason);
        ctx.clock.observe(m.value.observedAt);
        enqueue({ upsert: m.value });
      },
      onDelete: (obj) => {
        ctx.clock.observe(observedAt(obj, ctx.clock.now()));
        enqueue({ deleteUid: obj.metadata?.uid ?? "", kind, at: ctx.clock.now() });
      },
      onList: (uids) => {
        markMissingDeleted(ctx.db, "workloads", ctx.clusterId, uids, ctx.clock.now(), kind).catch(
          (err: unknown) => ctx.log(`workloads: reconcile failed: ${describeError(err)}`),
        );
      },
    });
  }

  const run = () =>
    Promise.all([
      informer<V1Deployment>("Deployment", WATCHED_PATHS.deployments, false),
      informer<V1StatefulSet>("StatefulSet", WATCHED_PATHS.statefulSets, true),
      informer<V1DaemonSet>("DaemonSet", WATCHED_PATHS.daemonSets, true),
    ]).then(() => undefined);

  const drain = async () => {
    if (busy) await Promise.race([busy, new Promise((r) => setTimeout(r, 5000))]);
  };
  return { run, drain };
}
