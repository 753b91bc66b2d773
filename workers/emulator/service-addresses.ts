import type { Cause } from "./api-validate.ts";
import { fnv1a } from "./random.ts";
import type { KObj, Store } from "./store.ts";

// The Service IP and NodePort allocators of kube-apiserver: every Service but a headless or
// ExternalName one gets a cluster IP from the service CIDR (10.96.0.0/12), NodePort and LoadBalancer
// ports a node port in 30000-32767. An address asked for that is taken is refused with the
// allocator's own message; a free one is picked from a hash of the Service's name, so a replay is repeatable.

// Dynamic allocations come from the upper part of the range, as since v1.27, leaving the lower
// addresses (where the demo's own Services sit) for Services that ask for one.
const DYNAMIC_FROM = (10 << 24) | (96 << 16) | (16 << 8);
const DYNAMIC_SIZE = (16 << 16) - (16 << 8) - 1;
const NODE_PORTS: [number, number] = [30000, 32767];

const ipText = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");

function used(store: Store) {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const s of store.list("services")) {
    for (const ip of s.spec?.clusterIPs ?? [s.spec?.clusterIP]) if (ip && ip !== "None") ips.add(ip);
    for (const p of s.spec?.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
  }
  return { ips, ports };
}

function pick<T>(seed: string, size: number, at: (i: number) => T, taken: (v: T) => boolean): T {
  const start = fnv1a(seed) % size;
  for (let i = 0; i < size; i++) {
    const v = at((start + i) % size);
    if (!taken(v)) return v;
  }
  throw new Error("range exhausted");
}

/** Allocates the Service's addresses in place; returns the causes of a 422 Invalid when one asked for is taken. */
export function allocateServiceAddresses(store: Store, svc: KObj): Cause[] {
  const spec = svc.spec;
  if (!spec || spec.type === "ExternalName") return [];
  const { ips, ports } = used(store);
  const seed = `${svc.metadata.namespace}/${svc.metadata.name}`;
  const causes: Cause[] = [];
  if (spec.clusterIP === "None") {
    spec.clusterIPs = ["None"];
  } else if (spec.clusterIP) {
    if (ips.has(spec.clusterIP)) {
      const message = `Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`;
      causes.push({ reason: "FieldValueInvalid", message, field: "spec.clusterIPs" });
    }
    spec.clusterIPs = [spec.clusterIP];
  } else {
    spec.clusterIP = pick(seed, DYNAMIC_SIZE, (i) => ipText(DYNAMIC_FROM + i), (ip) => ips.has(ip));
    spec.clusterIPs = [spec.clusterIP];
  }
  spec.ipFamilies ??= ["IPv4"];
  spec.ipFamilyPolicy ??= "SingleStack";
  const wantsNodePorts = spec.type === "NodePort" || (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts !== false);
  (spec.ports ?? []).forEach((p: { nodePort?: number }, i: number) => {
    if (!wantsNodePorts) return;
    if (p.nodePort) {
      if (ports.has(p.nodePort)) causes.push({ reason: "FieldValueInvalid", message: `Invalid value: ${p.nodePort}: provided port is already allocated`, field: `spec.ports[${i}].nodePort` });
      ports.add(p.nodePort);
      return;
    }
    const [lo, hi] = NODE_PORTS;
    p.nodePort = pick(`${seed}|${i}`, hi - lo + 1, (k) => lo + k, (port) => ports.has(port));
    ports.add(p.nodePort);
  });
  return causes;
}
