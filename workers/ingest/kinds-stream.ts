import { markKubeObjectDeleted, markMissingKubeObjectsDeleted, upsertKubeObjects } from "@/lib/db/ingest/upsert-kube-objects.ts";
import { mapKubeObject, type KubeObjectRow } from "@/lib/k8s/map-kube-object.ts";
import { WATCHED_PATHS as P } from "@/lib/k8s/ingest-api-paths.ts";
import { observedAt } from "@/lib/k8s/observed-at.ts";
import { describeError } from "./backoff.ts";
import type { ClusterContext } from "./cluster-context.ts";
import { KeyedBatcher } from "./keyed-batcher.ts";
import { runInformer } from "./run-informer.ts";

// The kinds that are neither workloads, pods, nodes, events nor config: one list+watch each, all
// optional (a cluster without the API, or credentials without the verb, loses that kind and says so
// once). Upserts and deletes share one keyed queue, so the last word about an object wins.

export const OTHER_KINDS = [
  { apiVersion: "v1", kind: "Service", path: P.services },
  { apiVersion: "apps/v1", kind: "ReplicaSet", path: P.replicaSets },
  { apiVersion: "batch/v1", kind: "Job", path: P.jobs },
  { apiVersion: "batch/v1", kind: "CronJob", path: P.cronJobs },
  { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", path: P.horizontalPodAutoscalers },
  { apiVersion: "policy/v1", kind: "PodDisruptionBudget", path: P.podDisruptionBudgets },
  { apiVersion: "networking.k8s.io/v1", kind: "Ingress", path: P.ingresses },
  { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", path: P.networkPolicies },
  { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", path: P.endpointSlices },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", path: P.roles },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", path: P.roleBindings },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", path: P.clusterRoles },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", path: P.clusterRoleBindings },
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
