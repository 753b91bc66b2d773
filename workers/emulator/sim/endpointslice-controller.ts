import { iso } from "../clock.ts";
import { stableUuid, templateHash } from "../random.ts";
import { keyOf, type KObj } from "../store.ts";
import type { Sim } from "./context.ts";
import { isReady } from "./replicaset-controller.ts";

const SEC = 1000;
// The EndpointSlice controller follows pod readiness; every 10 s of cluster time is close enough.
const EVERY = 10 * SEC;
const MANAGER = "endpointslice-controller";

type Port = { name?: string; port: number; targetPort?: number | string; protocol?: string };
type ContainerPort = { name?: string; containerPort: number };

export const selectsPod = (selector: Record<string, string>, pod: KObj) => Object.entries(selector).every(([k, v]) => pod.metadata.labels?.[k] === v);

/** A Service port's target on a pod: a number as is, a name looked up among the pod's container ports. */
function targetOn(port: Port, pods: KObj[]): number {
  if (typeof port.targetPort === "number") return port.targetPort;
  if (typeof port.targetPort === "string" && /^\d+$/.test(port.targetPort)) return Number(port.targetPort);
  const named = pods.flatMap((p) => p.spec.containers.flatMap((c: { ports?: ContainerPort[] }) => c.ports ?? [])).find((c: ContainerPort) => c.name === port.targetPort);
  return named?.containerPort ?? port.port;
}

/** The slice's endpoints: every pod the Service selects that has an address, ready or not, as the real controller lists them. */
export function endpointsOf(selector: Record<string, string>, pods: KObj[]) {
  return pods
    .filter((p) => selectsPod(selector, p) && p.status?.podIP && !p.metadata.deletionTimestamp)
    .map((p) => ({
      addresses: [p.status.podIP],
      conditions: { ready: isReady(p), serving: isReady(p), terminating: false },
      nodeName: p.spec.nodeName,
      targetRef: { kind: "Pod", namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid },
    }));
}

/**
 * kube-controller-manager's EndpointSlice controller for the Services an SRE creates: each selecting
 * Service gets a slice named after it, owned by it, listing the pods it selects and their readiness, so
 * `kubectl describe svc` and `kubectl get endpointslices` show where traffic goes.
 */
export function endpointSliceController(sim: Sim) {
  const watched = new Set<string>();
  let looping = false;
  const sync = () => {
    const { store, sched } = sim;
    for (const key of watched) {
      const [ns, name] = key.split("/");
      const svc = store.get("services", ns, name);
      if (!svc) {
        watched.delete(key);
        continue;
      }
      const selector: Record<string, string> = svc.spec.selector;
      const pods = store.list("pods", ns).filter((p) => selectsPod(selector, p));
      const ports = ((svc.spec.ports ?? []) as Port[]).map((p) => ({ name: p.name ?? "", port: targetOn(p, pods), protocol: p.protocol ?? "TCP" }));
      const sliceName = `${name}-${templateHash(svc.metadata.uid).slice(0, 5)}`;
      const endpoints = endpointsOf(selector, pods);
      const writer = { manager: MANAGER, time: sched.now() };
      if (store.get("endpointslices", ns, sliceName)) {
        store.update("endpointslices", ns, sliceName, writer, (s) => Object.assign(s, { ports, endpoints }));
        continue;
      }
      store.create(
        "endpointslices",
        {
          apiVersion: "discovery.k8s.io/v1",
          kind: "EndpointSlice",
          metadata: {
            name: sliceName,
            namespace: ns,
            uid: stableUuid(`endpointslice|${svc.metadata.uid}`),
            creationTimestamp: iso(sched.now()),
            generateName: `${name}-`,
            labels: { "kubernetes.io/service-name": name, "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io" },
            ownerReferences: [{ apiVersion: "v1", kind: "Service", name, uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }],
          },
          addressType: "IPv4",
          ports,
          endpoints,
        },
        writer,
      );
    }
  };
  const loop = () => {
    sync();
    looping = watched.size > 0;
    if (looping) sim.sched.after(EVERY, loop);
  };
  return {
    /** A Service was created through the API: give it a slice now and keep it in step. */
    serviceCreated(svc: KObj) {
      const selector = svc.spec?.selector;
      if (!selector || !Object.keys(selector).length || svc.spec.type === "ExternalName") return;
      watched.add(keyOf(svc.metadata.namespace, svc.metadata.name));
      sim.sched.after(0, sync);
      if (!looping) {
        looping = true;
        sim.sched.after(EVERY, loop);
      }
    },
  };
}
