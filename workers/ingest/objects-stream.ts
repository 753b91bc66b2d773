import type { V1Namespace, V1Node, V1Pod } from "@kubernetes/client-node";
import { mapNamespace, mapNode, type NamespaceRow, type NodeRow } from "@/lib/k8s/map-node.ts";
import { mapPod, type PodRow } from "@/lib/k8s/map-pod.ts";
import { WATCHED_PATHS } from "@/lib/k8s/ingest-api-paths.ts";
import { observedAt } from "@/lib/k8s/observed-at.ts";
import { markMissingDeleted, upsertNamespaces, upsertNodes } from "@/lib/db/ingest/upsert-namespaces-nodes.ts";
import { upsertPods } from "@/lib/db/ingest/upsert-pods.ts";
import type { ClusterContext } from "./cluster-context.ts";
import { ObjectWriter } from "./object-writer.ts";
import type { PodIndex } from "./pod-index.ts";
import { runInformer } from "./run-informer.ts";

// Namespaces, nodes and pods: current state upserted on every add/update, deleted_at set on delete.

type Uid = { metadata?: { uid?: string; name?: string } };
const uidOf = (o: Uid) => o.metadata?.uid ?? "";
const keyOf = (table: string, o: Uid) => (table === "pods" ? uidOf(o) : (o.metadata?.name ?? ""));

export function objectsStream(ctx: ClusterContext, pods: PodIndex): { run: () => Promise<void>; drain: () => Promise<void> } {
  const { db, clusterId, log } = ctx;
  const namespaces = new ObjectWriter<NamespaceRow>(db, clusterId, "namespaces", (rows) => upsertNamespaces(db, clusterId, rows), log, ctx.config.bufferRows);
  const nodes = new ObjectWriter<NodeRow>(db, clusterId, "nodes", (rows) => upsertNodes(db, clusterId, rows), log, ctx.config.bufferRows);
  const podRows = new ObjectWriter<PodRow>(db, clusterId, "pods", (rows) => upsertPods(db, clusterId, rows), log, ctx.config.bufferRows);
  const writers = { namespaces, nodes, pods: podRows };
  for (const w of Object.values(writers)) ctx.backlog.add(w.gauge);

  // A watch DELETE carries the object's last state; the deletion happened no earlier than the
  // cluster's latest time Uptrust has seen.
  const deleted = (table: "namespaces" | "nodes" | "pods") => (obj: Uid) => {
    ctx.clock.observe(observedAt(obj, ctx.clock.now()));
    writers[table].remove(keyOf(table, obj), uidOf(obj), ctx.clock.now());
  };
  const reconcile = (table: "namespaces" | "nodes" | "pods") => (uids: string[]) => {
    markMissingDeleted(db, table, clusterId, uids, ctx.clock.now())
      .then((n) => n > 0 && log(`${table}: ${n} deleted while Uptrust was not watching`))
      .catch((err: unknown) => log(`${table}: reconcile failed: ${String(err)}`));
  };

  const run = () =>
    Promise.all([
      runInformer<V1Namespace>(ctx, {
        stream: "namespaces",
        path: WATCHED_PATHS.namespaces,
        onUpsert: (obj) => {
          const m = mapNamespace(obj, ctx.clock.now());
          if (!m.ok) return ctx.skip("namespaces", m.reason);
          ctx.clock.observe(m.value.observedAt);
          namespaces.put(m.value.name, m.value);
        },
        onDelete: deleted("namespaces"),
        onList: reconcile("namespaces"),
      }),
      runInformer<V1Node>(ctx, {
        stream: "nodes",
        path: WATCHED_PATHS.nodes,
        onUpsert: (obj) => {
          const m = mapNode(obj, ctx.clock.now());
          if (!m.ok) return ctx.skip("nodes", m.reason);
          ctx.clock.observe(m.value.observedAt);
          nodes.put(m.value.name, m.value);
        },
        onDelete: deleted("nodes"),
        onList: reconcile("nodes"),
      }),
      runInformer<V1Pod>(ctx, {
        stream: "pods",
        path: WATCHED_PATHS.pods,
        onUpsert: (obj) => {
          const m = mapPod(obj, ctx.clock.now());
          if (!m.ok) return ctx.skip("pods", m.reason);
          ctx.clock.observe(m.value.observedAt);
          podRows.put(m.value.uid, m.value);
          pods.set(m.value);
        },
        onDelete: (obj) => {
          pods.delete(uidOf(obj));
          deleted("pods")(obj);
        },
        onList: (uids) => {
          reconcile("pods")(uids);
          // Every listed pod was upserted before this: the index is complete.
          pods.retainOnly(new Set(uids));
          pods.markListed();
        },
      }),
    ]).then(() => undefined);

  const drain = async () => {
    await Promise.all([namespaces.drain(), nodes.drain(), podRows.drain()]);
  };
  return { run, drain };
}
