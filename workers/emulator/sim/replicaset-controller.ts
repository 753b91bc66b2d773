import { iso } from "../clock.ts";
import { randomSuffix, uuid } from "../random.ts";
import type { KObj } from "../store.ts";
import type { Sim } from "./context.ts";
import type { Kubelet } from "./kubelet.ts";
import { admitPod, serviceAccountRefusal } from "../pod-admission.ts";

const KCM = "kube-controller-manager";
const RETRY_MS = 1000;
/** ReplicaSets refused a pod, each with one retry pending. */
const retrying = new WeakMap<Sim, Set<string>>();
export const ownedBy = (o: KObj, owner: KObj) => o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid) ?? false;
export const isReady = (pod: KObj) => pod.status?.conditions?.some((c: { type: string; status: string }) => c.type === "Ready" && c.status === "True") ?? false;

/** Keeps each ReplicaSet's pod count at spec.replicas and reports ready/available counts. */
export function syncReplicaSet(sim: Sim, kubelet: Kubelet, rs: KObj) {
  const { store, sched, events, rng } = sim;
  const t = sched.now();
  const ns = rs.metadata.namespace!;
  const active = store.list("pods", ns).filter((p) => ownedBy(p, rs) && !p.metadata.deletionTimestamp);
  const want = rs.spec.replicas ?? 1;
  const source = { component: "replicaset-controller" };
  const refused = active.length < want ? serviceAccountRefusal(store, ns, rs.spec.template.spec, `${rs.metadata.name}-`) : undefined;
  if (refused) {
    // The real controller requeues with back-off; a second later is soon enough to see the account once it exists.
    events.record(t, rs, "Warning", "FailedCreate", `Error creating: ${refused}`, source);
    const waiting = retrying.get(sim) ?? new Set<string>();
    retrying.set(sim, waiting);
    const key = `${ns}/${rs.metadata.name}`;
    if (!waiting.has(key)) {
      waiting.add(key);
      sched.after(RETRY_MS, () => {
        waiting.delete(key);
        sim.requestSync();
      });
    }
  }
  for (let i = active.length; i < want && !refused; i++) {
    const name = `${rs.metadata.name}-${randomSuffix(rng)}`;
    const template = structuredClone(rs.spec.template);
    const spec = { restartPolicy: "Always", terminationGracePeriodSeconds: 30, dnsPolicy: "ClusterFirst", schedulerName: "default-scheduler", ...template.spec };
    admitPod(store, ns, name, spec);
    const pod = store.create(
      "pods",
      {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          name,
          namespace: ns,
          uid: uuid(rng),
          creationTimestamp: iso(t),
          labels: template.metadata.labels,
          ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }],
        },
        spec,
        status: { phase: "Pending", qosClass: "Burstable" },
      },
      { manager: KCM, time: t },
    );
    events.record(t, rs, "Normal", "SuccessfulCreate", `Created pod: ${name}`, source);
    kubelet.podCreated(pod);
    active.push(pod);
  }
  if (active.length > want) {
    // Like the real controller: unready pods go first, then the youngest.
    const victims = [...active]
      .sort((a, b) => Number(isReady(a)) - Number(isReady(b)) || (b.metadata.creationTimestamp > a.metadata.creationTimestamp ? 1 : -1))
      .slice(0, active.length - want);
    for (const pod of victims) {
      kubelet.deletePod(pod);
      events.record(t, rs, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, source);
    }
    const gone = new Set(victims.map((v) => v.metadata.uid));
    active.splice(0, active.length, ...active.filter((p) => !gone.has(p.metadata.uid)));
  }
  const ready = active.filter(isReady).length;
  store.update("replicasets", ns, rs.metadata.name, { manager: KCM, time: t, subresource: "status" }, (r) => {
    r.status = {
      replicas: active.length,
      fullyLabeledReplicas: active.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: r.metadata.generation,
    };
    if (!ready) {
      delete r.status.readyReplicas;
      delete r.status.availableReplicas;
    }
  });
}
