import { iso } from "../clock.ts";
import { contentHash } from "@/lib/k8s/workload-template.ts";
import { templateHash, uuid } from "../random.ts";
import type { KObj, Resource } from "../store.ts";
import type { Cluster } from "../sim/cluster.ts";
import { endpointsOf } from "../sim/endpointslice-controller.ts";
import type { AppSpec } from "./building-blocks.ts";

const SEC = 1000;
const SETUP = "kubectl-client-side-apply";
// The EndpointSlice controller follows pod readiness; every 10 s of scenario time is close enough.
const ENDPOINTS_EVERY = 10 * SEC;

/** Hash of a ConfigMap's data, as Helm's checksum/config annotation and Uptrust's change view use it. */
/** A ConfigMap's content hash as Uptrust records it (sha256 of its data with sorted keys), so ground truth and ingest agree. */
export const configHash = (data: Record<string, string>) => contentHash(data);

function create(cluster: Cluster, resource: Resource, t: number, apiVersion: string, kind: string, meta: { name: string; namespace?: string; labels?: Record<string, string> }, body: Record<string, unknown>) {
  return cluster.sim.store.create(resource, { apiVersion, kind, metadata: { ...meta, uid: uuid(cluster.sim.rng), creationTimestamp: iso(t) }, ...body }, { manager: SETUP, time: t });
}

export function installConfigMap(cluster: Cluster, t: number, namespace: string, name: string, data: Record<string, string>) {
  return create(cluster, "configmaps", t, "v1", "ConfigMap", { name, namespace }, { data });
}

/** A Service and its EndpointSlice per Deployment, kept in step with the pods that are ready. */
export function installServices(cluster: Cluster, apps: readonly AppSpec[], t: number) {
  const { store, sched } = cluster.sim;
  apps.forEach((app, i) => {
    const port = app.name === "coredns" ? 53 : 80;
    create(cluster, "services", t, "v1", "Service", { name: app.name, namespace: app.namespace, labels: { app: app.name } }, {
      spec: { type: "ClusterIP", clusterIP: `10.96.${Math.floor(i / 200)}.${(i % 200) + 10}`, selector: { app: app.name }, ports: [{ name: "http", port, targetPort: app.name === "coredns" ? 53 : 8080, protocol: "TCP" }] },
      status: { loadBalancer: {} },
    });
    create(cluster, "endpointslices", t, "discovery.k8s.io/v1", "EndpointSlice", { name: `${app.name}-${templateHash(app.name).slice(0, 5)}`, namespace: app.namespace, labels: { "kubernetes.io/service-name": app.name, "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io" } }, {
      addressType: "IPv4",
      ports: [{ name: "http", port: app.name === "coredns" ? 53 : 8080, protocol: "TCP" }],
      endpoints: [],
    });
  });
  const sync = () => {
    for (const slice of store.list("endpointslices")) {
      const svc = store.get("services", slice.metadata.namespace, slice.metadata.labels?.["kubernetes.io/service-name"] ?? "");
      if (!svc) continue;
      const endpoints = endpointsOf(svc.spec.selector, store.list("pods", slice.metadata.namespace));
      store.update("endpointslices", slice.metadata.namespace, slice.metadata.name, { manager: "endpointslice-controller", time: sched.now() }, (s) => {
        s.endpoints = endpoints;
      });
    }
    sched.after(ENDPOINTS_EVERY, sync);
  };
  sched.at(t + ENDPOINTS_EVERY, sync);
}

const workloadOf = (cluster: Cluster, namespace: string, name: string): KObj | undefined => cluster.sim.store.get("deployments", namespace, name);

/** The rest of what a well-run shop namespace holds: config, a secret, autoscaling, disruption budget, ingress, network policy, RBAC. */
export function installShopObjects(cluster: Cluster, t: number, opts: { namespace: string; configMaps: Record<string, Record<string, string>>; hpaFor: string; pdbFor: string; ingressTo: string }) {
  const ns = opts.namespace;
  for (const [name, data] of Object.entries(opts.configMaps)) installConfigMap(cluster, t, ns, name, data);
  create(cluster, "secrets", t, "v1", "Secret", { name: "checkout-db", namespace: ns }, {
    type: "Opaque",
    data: { username: Buffer.from("checkout").toString("base64"), password: Buffer.from("not-a-real-password").toString("base64") },
  });
  const target = workloadOf(cluster, ns, opts.hpaFor);
  create(cluster, "horizontalpodautoscalers", t, "autoscaling/v2", "HorizontalPodAutoscaler", { name: opts.hpaFor, namespace: ns }, {
    spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: opts.hpaFor }, minReplicas: target?.spec.replicas ?? 1, maxReplicas: 10, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }] },
    status: { currentReplicas: target?.spec.replicas ?? 1, desiredReplicas: target?.spec.replicas ?? 1, currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 12, averageValue: "60m" } } }] },
  });
  create(cluster, "poddisruptionbudgets", t, "policy/v1", "PodDisruptionBudget", { name: opts.pdbFor, namespace: ns }, {
    spec: { minAvailable: 3, selector: { matchLabels: { app: opts.pdbFor } } },
    status: { currentHealthy: 4, desiredHealthy: 3, disruptionsAllowed: 1, expectedPods: 4, observedGeneration: 1 },
  });
  create(cluster, "ingresses", t, "networking.k8s.io/v1", "Ingress", { name: "shop", namespace: ns }, {
    spec: {
      ingressClassName: "nginx",
      rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: opts.ingressTo, port: { number: 80 } } } }, { path: "/api/checkout", pathType: "Prefix", backend: { service: { name: "checkout", port: { number: 80 } } } }] } }],
    },
    status: { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } },
  });
  create(cluster, "networkpolicies", t, "networking.k8s.io/v1", "NetworkPolicy", { name: "checkout-from-frontend", namespace: ns }, {
    spec: { podSelector: { matchLabels: { app: "checkout" } }, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: { matchLabels: { app: "frontend" } } }], ports: [{ protocol: "TCP", port: 8080 }] }] },
  });
  const rbac = "rbac.authorization.k8s.io/v1";
  create(cluster, "roles", t, rbac, "Role", { name: "shop-deployer", namespace: ns }, { rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch", "update", "patch"] }] });
  create(cluster, "rolebindings", t, rbac, "RoleBinding", { name: "shop-deployer", namespace: ns }, { roleRef: { apiGroup: rbac.split("/")[0], kind: "Role", name: "shop-deployer" }, subjects: [{ kind: "ServiceAccount", name: "ci-deployer", namespace: ns }] });
  create(cluster, "clusterroles", t, rbac, "ClusterRole", { name: "uptrust-reader" }, { rules: [{ apiGroups: ["", "apps", "batch", "metrics.k8s.io"], resources: ["*"], verbs: ["get", "list", "watch"] }] });
  create(cluster, "clusterrolebindings", t, rbac, "ClusterRoleBinding", { name: "uptrust-reader" }, { roleRef: { apiGroup: rbac.split("/")[0], kind: "ClusterRole", name: "uptrust-reader" }, subjects: [{ kind: "ServiceAccount", name: "uptrust", namespace: "uptrust" }] });
}

