import { LogStore } from "../logs.ts";
import { createRng } from "../random.ts";
import { keyOf, Store, type KObj, type Resource } from "../store.ts";
import type { Behavior, Sim } from "./context.ts";
import { syncDeployment } from "./deployment-controller.ts";
import { endpointSliceController } from "./endpointslice-controller.ts";
import { EventRecorder } from "./events.ts";
import { Kubelet } from "./kubelet.ts";
import { ownedBy, syncReplicaSet } from "./replicaset-controller.ts";
import { Scheduler } from "./scheduler.ts";
import { serviceAccountController } from "./serviceaccount-controller.ts";
import { syncStatefulSet } from "./statefulset-controller.ts";

export type Cluster = {
  sim: Sim;
  kubelet: Kubelet;
  advanceTo(time: number): void;
  /** An object was created through the API (kubectl create): the controllers that do not watch its kind take it up. */
  apiCreated(resource: Resource, object: KObj): void;
};

export function createCluster(opts: { start: number; seed: number; historyLimit?: number; behaviorFor: Sim["behaviorFor"] }): Cluster {
  const store = new Store(opts.historyLimit);
  const rng = createRng(opts.seed);
  const sim: Sim = {
    store,
    rng,
    sched: new Scheduler(opts.start),
    events: new EventRecorder(store, rng),
    logs: new LogStore(),
    behaviorFor: (pod) => opts.behaviorFor(pod) as Behavior,
    requestSync: () => {
      syncRequested = true;
    },
  };
  let syncRequested = true;
  const kubelet = new Kubelet(sim);
  const ensureServiceAccounts = serviceAccountController(store);
  const endpointSlices = endpointSliceController(sim);

  // Only what changed is reconciled: a deployment when it or one of its ReplicaSets changed, a
  // ReplicaSet when it or one of its pods changed. At 500 deployments, a sweep of all of them on
  // every step is what made the cluster slow; a full sweep remains for requestSync (deadlines).
  const dirtyDeployments = new Set<string>();
  const dirtyReplicaSets = new Set<string>();
  const dirtyStatefulSets = new Set<string>();
  const owner = (o: KObj, kind: string) => o.metadata.ownerReferences?.find((r) => r.kind === kind && r.controller)?.name;
  store.subscribe(({ resource, object: o }) => {
    const ns = o.metadata.namespace;
    if (resource === "deployments") dirtyDeployments.add(keyOf(ns, o.metadata.name));
    else if (resource === "replicasets") {
      dirtyReplicaSets.add(keyOf(ns, o.metadata.name));
      const d = owner(o, "Deployment");
      if (d) dirtyDeployments.add(keyOf(ns, d));
    } else if (resource === "pods") {
      const rs = owner(o, "ReplicaSet");
      if (rs) dirtyReplicaSets.add(keyOf(ns, rs));
      const sts = owner(o, "StatefulSet");
      if (sts) dirtyStatefulSets.add(keyOf(ns, sts));
    } else if (resource === "statefulsets") {
      dirtyStatefulSets.add(keyOf(ns, o.metadata.name));
    }
  });
  // A rollout that stops progressing changes nothing, so nothing would mark it dirty: look at it
  // again once its progress deadline has passed, as the real controller's resync would.
  const deadlineChecks = new Map<string, number>();
  const watchDeadline = (key: string, d: KObj) => {
    const progressing = d.status?.conditions?.find((c: { type: string }) => c.type === "Progressing");
    if (progressing?.status !== "True" || progressing.reason === "NewReplicaSetAvailable") return;
    const at = Date.parse(progressing.lastUpdateTime) + (d.spec.progressDeadlineSeconds ?? 600) * 1000 + 1000;
    if (deadlineChecks.get(key) === at) return;
    deadlineChecks.set(key, at);
    sim.sched.at(at, () => {
      if (deadlineChecks.get(key) === at) deadlineChecks.delete(key);
      dirtyDeployments.add(key);
    });
  };
  const take = (set: Set<string>) => {
    const keys = [...set].sort();
    set.clear();
    return keys;
  };
  const split = (key: string): [string | undefined, string] => {
    const slash = key.indexOf("/");
    return slash < 0 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  };

  // Controllers react to every change at the time it happens, and repeat until the cluster settles,
  // so a rollout unfolds in the same steps as with the real deployment and replicaset controllers.
  const reconcile = () => {
    // Before any ReplicaSet makes pods: they run as their namespace's default account.
    ensureServiceAccounts(sim.sched.now());
    if (syncRequested) {
      syncRequested = false;
      for (const d of store.list("deployments")) dirtyDeployments.add(keyOf(d.metadata.namespace, d.metadata.name));
      for (const rs of store.list("replicasets")) dirtyReplicaSets.add(keyOf(rs.metadata.namespace, rs.metadata.name));
      for (const sts of store.list("statefulsets")) dirtyStatefulSets.add(keyOf(sts.metadata.namespace, sts.metadata.name));
    }
    for (let round = 0; round < 50 && (dirtyDeployments.size || dirtyReplicaSets.size || dirtyStatefulSets.size); round++) {
      for (const key of take(dirtyDeployments)) {
        const [ns, name] = split(key);
        for (let i = 0; i < 10; i++) {
          const d = store.get("deployments", ns, name);
          if (!d || !syncDeployment(sim, d)) break;
          // Its own ReplicaSets settle before it looks again; others that changed wait for their turn below.
          for (const rs of store.list("replicasets", ns)) if (ownedBy(rs, d)) syncReplicaSet(sim, kubelet, rs);
        }
        const synced = store.get("deployments", ns, name);
        if (synced) watchDeadline(key, synced);
      }
      for (const key of take(dirtyReplicaSets)) {
        const [ns, name] = split(key);
        const rs = store.get("replicasets", ns, name);
        if (rs) syncReplicaSet(sim, kubelet, rs);
      }
      for (const key of take(dirtyStatefulSets)) {
        const [ns, name] = split(key);
        const sts = store.get("statefulsets", ns, name);
        if (sts) syncStatefulSet(sim, kubelet, sts);
      }
    }
  };

  return {
    sim,
    kubelet,
    advanceTo(time) {
      reconcile();
      sim.sched.runUntil(time, reconcile);
    },
    apiCreated(resource, object) {
      // Deployments and ReplicaSets are picked up by their controllers' watches; a bare pod goes to the kubelet.
      if (resource === "pods") kubelet.podCreated(object);
      if (resource === "services") endpointSlices.serviceCreated(object);
    },
  };
}
