import { iso } from "../clock.ts";
import { admitPod, serviceAccountRefusal } from "../pod-admission.ts";
import { stableUuid, templateHash } from "../random.ts";
import type { KObj } from "../store.ts";
import type { Sim } from "./context.ts";
import type { Kubelet } from "./kubelet.ts";
import { isReady, ownedBy } from "./replicaset-controller.ts";

const KCM = "kube-controller-manager";
const source = { component: "statefulset-controller" };

/**
 * The StatefulSet controller for sets an SRE creates: pods named by ordinal (web-0, web-1, ...), created
 * in order with OrderedReady (the next once the previous is Ready) or all at once with Parallel, removed
 * from the highest ordinal down, and the status kubectl reads (READY n/m). Volume claim templates are not
 * provisioned: the demo cluster serves no PersistentVolumeClaims.
 */
export function syncStatefulSet(sim: Sim, kubelet: Kubelet, sts: KObj): void {
  const { store, sched, events } = sim;
  const t = sched.now();
  const ns = sts.metadata.namespace!;
  const name = sts.metadata.name;
  const want: number = sts.spec.replicas ?? 1;
  const ordered = (sts.spec.podManagementPolicy ?? "OrderedReady") === "OrderedReady";
  const revision = `${name}-${templateHash(sts.spec.template).slice(0, 10)}`;
  const owned = () => store.list("pods", ns).filter((p) => ownedBy(p, sts) && !p.metadata.deletionTimestamp);
  const byOrdinal = new Map(owned().map((p) => [Number(p.metadata.name.slice(name.length + 1)), p]));

  for (let i = 0; i < want; i++) {
    if (byOrdinal.has(i)) {
      if (ordered && !isReady(byOrdinal.get(i)!)) break;
      continue;
    }
    const podName = `${name}-${i}`;
    const refused = serviceAccountRefusal(store, ns, sts.spec.template.spec, podName);
    if (refused) {
      events.record(t, sts, "Warning", "FailedCreate", `create Pod ${podName} in StatefulSet ${name} failed error: ${refused}`, source);
      sched.after(1000, () => sim.requestSync());
      break;
    }
    const template = structuredClone(sts.spec.template);
    const spec = { ...template.spec, hostname: podName, ...(sts.spec.serviceName ? { subdomain: sts.spec.serviceName } : {}) };
    admitPod(store, ns, podName, spec);
    const labels = { ...template.metadata?.labels, "apps.kubernetes.io/pod-index": String(i), "controller-revision-hash": revision, "statefulset.kubernetes.io/pod-name": podName };
    const pod = store.create(
      "pods",
      {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          name: podName,
          namespace: ns,
          uid: stableUuid(`pod|${sts.metadata.uid}|${i}|${t}`),
          creationTimestamp: iso(t),
          generateName: `${name}-`,
          labels,
          ownerReferences: [{ apiVersion: "apps/v1", kind: "StatefulSet", name, uid: sts.metadata.uid, controller: true, blockOwnerDeletion: true }],
        },
        spec,
        status: { phase: "Pending", qosClass: "BestEffort" },
      },
      { manager: KCM, time: t },
    );
    events.record(t, sts, "Normal", "SuccessfulCreate", `create Pod ${podName} in StatefulSet ${name} successful`, source);
    kubelet.podCreated(pod);
    byOrdinal.set(i, pod);
    if (ordered) break;
  }
  const extra = [...byOrdinal.keys()].filter((i) => i >= want).sort((a, b) => b - a);
  for (const i of ordered ? extra.slice(0, 1) : extra) {
    const pod = byOrdinal.get(i)!;
    kubelet.deletePod(pod);
    events.record(t, sts, "Normal", "SuccessfulDelete", `delete Pod ${pod.metadata.name} in StatefulSet ${name} successful`, source);
  }
  const pods = owned();
  const ready = pods.filter(isReady).length;
  store.update("statefulsets", ns, name, { manager: KCM, time: t, subresource: "status" }, (s) => {
    s.status = {
      observedGeneration: s.metadata.generation,
      replicas: pods.length,
      readyReplicas: ready,
      currentReplicas: pods.length,
      updatedReplicas: pods.length,
      availableReplicas: ready,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
    };
  });
}
