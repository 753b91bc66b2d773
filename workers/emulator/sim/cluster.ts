import { LogStore } from "../logs.ts";
import { createRng } from "../random.ts";
import { Store } from "../store.ts";
import type { Behavior, Sim } from "./context.ts";
import { syncDeployment } from "./deployment-controller.ts";
import { EventRecorder } from "./events.ts";
import { Kubelet } from "./kubelet.ts";
import { syncReplicaSet } from "./replicaset-controller.ts";
import { Scheduler } from "./scheduler.ts";

export type Cluster = { sim: Sim; kubelet: Kubelet; advanceTo(time: number): void };

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
  let syncedAt = -1;
  const kubelet = new Kubelet(sim);

  // Controllers react to every change at the time it happens, and repeat until the cluster settles,
  // so a rollout unfolds in the same steps as with the real deployment and replicaset controllers.
  const reconcile = () => {
    // Most steps only write logs; controllers only need to run when the cluster changed.
    if (!syncRequested && store.resourceVersion() === syncedAt) return;
    syncRequested = false;
    for (let round = 0; round < 50; round++) {
      const before = store.resourceVersion();
      for (const d of store.list("deployments")) {
        for (let i = 0; i < 10 && syncDeployment(sim, store.get("deployments", d.metadata.namespace, d.metadata.name)!); i++) {
          for (const rs of store.list("replicasets", d.metadata.namespace)) syncReplicaSet(sim, kubelet, rs);
        }
      }
      for (const rs of store.list("replicasets")) syncReplicaSet(sim, kubelet, rs);
      if (store.resourceVersion() === before) break;
    }
    syncedAt = store.resourceVersion();
  };

  return {
    sim,
    kubelet,
    advanceTo(time) {
      reconcile();
      sim.sched.runUntil(time, reconcile);
    },
  };
}
