import { markKubeObjectDeleted, markMissingKubeObjectsDeleted, upsertKubeObjects } from "@/lib/db/ingest/upsert-kube-objects.ts";
import { mapKubeObject, type KubeObjectRow } from "@/lib/k8s/map-kube-object.ts";
import { observedAt } from "@/lib/k8s/observed-at.ts";
import { describeError } from "./backoff.ts";
import type { ClusterContext } from "./cluster-context.ts";
import { KeyedBatcher } from "./keyed-batcher.ts";
import { runInformer } from "./run-informer.ts";

// The kinds that are neither workloads, pods, nodes, events nor config: one list+watch each, all
// optional (a cluster without the API, or credentials without the verb, loses that kind and says so
// once). Upserts and deletes share one keyed queue, so the last word about an object wins.

export const OTHER_KINDS = [
  { apiVersion: "v1", kind: "Service", path: "/api/v1/services" },
  { apiVersion: "apps/v1", kind: "ReplicaSet", path: "/apis/apps/v1/replicasets" },
  { apiVersion: "batch/v1", kind: "Job", path: "/apis/batch/v1/jobs" },
  { apiVersion: "batch/v1", kind: "CronJob", path: "/apis/batch/v1/cronjobs" },
  { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", path: "/apis/autoscaling/v2/horizontalpodautoscalers" },
  { apiVersion: "policy/v1", kind: "PodDisruptionBudget", path: "/apis/policy/v1/poddisruptionbudgets" },
  { apiVersion: "networking.k8s.io/v1", kind: "Ingress", path: "/apis/networking.k8s.io/v1/ingresses" },
  { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", path: "/apis/networking.k8s.io/v1/networkpolicies" },
  { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", path: "/apis/discovery.k8s.io/v1/endpointslices" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", path: "/apis/rbac.authorization.k8s.io/v1/roles" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", path: "/apis/rbac.authorization.k8s.io/v1/rolebindings" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", path: "/apis/rbac.authorization.k8s.io/v1/clusterroles" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", path: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings" },
] as const;

type Op = { upsert: KubeObjectRow } | { delete: { kind: string; uid: string; at: Date } };
type Obj = { metadata?: { uid?: string; name?: string; namespace?: string; resourceVersion?: string } };

export function kindsStream(ctx: ClusterContext): { run: () => Promise<void>; drain: () => Promise<void> } {
  const batcher = new KeyedBatcher<Op>(
    async (ops) => {
      await upsertKubeObjects(ctx.db, ctx.clusterId, ops.flatMap((o) => ("upsert" in o ? [o.upsert] : [])));
      for (const o of ops) if ("delete" in o) await markKubeObjectDeleted(ctx.db, ctx.clusterId, o.delete.kind, o.delete.uid, o.delete.at);
    },
    { name: "objects", log: ctx.log, maxPending: ctx.config.bufferRows },
  );
  ctx.backlog.add(batcher);
  const key = (kind: string, o: Obj) => `${kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`;

  const run = () =>
    Promise.all(
      OTHER_KINDS.map(({ apiVersion, kind, path }) =>
        runInformer<Obj>(ctx, {
          stream: kind,
          path,
          optional: true,
          onUpsert: (obj) => {
            const m = mapKubeObject(apiVersion, kind, obj, ctx.clock.now());
            if (!m.ok) return ctx.skip(kind, m.reason);
            batcher.put(key(kind, obj), { upsert: m.value });
          },
          onDelete: (obj) => batcher.put(key(kind, obj), { delete: { kind, uid: obj.metadata?.uid ?? "", at: observedAt(obj, ctx.clock.now()) } }),
          onList: (uids) => {
            markMissingKubeObjectsDeleted(ctx.db, ctx.clusterId, kind, uids, ctx.clock.now()).catch((err: unknown) => ctx.log(`${kind}: reconcile failed: ${describeError(err)}`));
          },
        }),
      ),
    ).then(() => undefined);
  return { run, drain: () => batcher.drain() };
}
