import type { V1ConfigMap, V1Secret } from "@kubernetes/client-node";
import { markMissingConfigDeleted, recordConfigDeleted, recordConfigObject } from "@/lib/db/ingest/record-config.ts";
import { mapConfigObject, type ConfigKind, type ConfigRow } from "@/lib/k8s/map-config.ts";
import { WATCHED_PATHS } from "@/lib/k8s/ingest-api-paths.ts";
import { observedAt } from "@/lib/k8s/observed-at.ts";
import { describeError } from "./backoff.ts";
import type { ClusterContext } from "./cluster-context.ts";
import { KeyedBatcher } from "./keyed-batcher.ts";
import { runInformer } from "./run-informer.ts";
import { plural } from "@/lib/domain/plural.ts";

// ConfigMaps and Secrets, as content hashes: a content change becomes a change of every workload that
// reads it. Secrets are optional: a service account without list/watch on them (common, and sensible)
// is told once what it misses, and everything else runs. The values are hashed as they arrive and
// dropped; no Secret value is kept in memory past its mapping, nor written anywhere.

type Op = { upsert: ConfigRow } | { delete: { kind: ConfigKind; namespace: string; name: string; at: Date } };
type Obj = { metadata?: { namespace?: string; name?: string; uid?: string; resourceVersion?: string } };

export function configStream(ctx: ClusterContext): { run: () => Promise<void>; drain: () => Promise<void> } {
  const batcher = new KeyedBatcher<Op>(
    async (ops) => {
      for (const op of ops) {
        const r = "upsert" in op ? await recordConfigObject(ctx.db, ctx.clusterId, op.upsert) : await recordConfigDeleted(ctx.db, ctx.clusterId, op.delete.kind, op.delete.namespace, op.delete.name, op.delete.at);
        if (r.summary && r.workloads > 0) ctx.log(`change ${r.summary} (read by ${plural(r.workloads, "workload")})`);
      }
    },
    { name: "config", log: ctx.log, maxPending: ctx.config.bufferRows },
  );
  ctx.backlog.add(batcher);

  const informer = <T extends Obj>(kind: ConfigKind, path: string) =>
    runInformer<T>(ctx, {
      stream: `${kind}s`,
      path,
      optional: kind === "Secret",
      onUpsert: (obj) => {
        const m = mapConfigObject(kind, obj, ctx.clock.now());
        if (!m.ok) return ctx.skip("config", m.reason);
        batcher.put(`${kind}/${m.value.namespace}/${m.value.name}`, { upsert: m.value });
      },
      onDelete: (obj) => {
        const at = observedAt(obj, ctx.clock.now());
        const [namespace, name] = [obj.metadata?.namespace ?? "", obj.metadata?.name ?? ""];
        batcher.put(`${kind}/${namespace}/${name}`, { delete: { kind, namespace, name, at } });
      },
      onList: (uids) => {
        markMissingConfigDeleted(ctx.db, ctx.clusterId, kind, uids, ctx.clock.now()).catch((err: unknown) =>
          ctx.log(`${kind}s: reconcile failed: ${describeError(err)}`),
        );
      },
    });

  const run = () => Promise.all([informer<V1ConfigMap>("ConfigMap", WATCHED_PATHS.configMaps), informer<V1Secret>("Secret", WATCHED_PATHS.secrets)]).then(() => undefined);
  return { run, drain: () => batcher.drain() };
}
