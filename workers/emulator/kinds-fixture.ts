import { iso } from "./clock.ts";
import type { KObj, Resource, Store } from "./store.ts";

const HOUR = 3_600_000;
const b64 = (s: string) => Buffer.from(s).toString("base64");
const podTemplate = (app: string, image: string) => ({ metadata: { labels: { app } }, spec: { containers: [{ name: app, image }] } });

/**
 * One object of every kind Uptrust reads beyond the demo's workloads, shaped as a real cluster has them.
 * conformance.test.ts serves them to kubectl; a scenario may reuse them as a starting point.
 */
export function kindsFixture(now: number): [Resource, KObj][] {
  const meta = (name: string, namespace: string | undefined, ageHours: number, extra: Partial<KObj["metadata"]> = {}) => ({
    name,
    ...(namespace ? { namespace } : {}),
    uid: `00000000-0000-4000-8000-${String(name.length).padStart(4, "0")}${name.replace(/[^a-z0-9]/g, "").slice(0, 8).padEnd(8, "0")}`,
    creationTimestamp: iso(now - ageHours * HOUR),
    ...extra,
  });
  const shop = "shop";
  return [
    ["statefulsets", { apiVersion: "apps/v1", kind: "StatefulSet", metadata: meta("orders-db", shop, 72), spec: { replicas: 3, serviceName: "orders-db", selector: { matchLabels: { app: "orders-db" } }, template: podTemplate("orders-db", "postgres:16.4") }, status: { replicas: 3, readyReplicas: 2 } }],
    ["daemonsets", { apiVersion: "apps/v1", kind: "DaemonSet", metadata: meta("node-exporter", "kube-system", 720), spec: { selector: { matchLabels: { app: "node-exporter" } }, template: { ...podTemplate("node-exporter", "prom/node-exporter:v1.8.2"), spec: { ...podTemplate("node-exporter", "prom/node-exporter:v1.8.2").spec, nodeSelector: { "kubernetes.io/os": "linux" } } } }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3 } }],
    ["jobs", { apiVersion: "batch/v1", kind: "Job", metadata: meta("reports-nightly-28911000", shop, 5), spec: { completions: 1, parallelism: 1, selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "00000000-0000-4000-8000-000000000001" } }, template: podTemplate("reports-nightly", "registry.example.com/shop/reports:0.9.3") }, status: { startTime: iso(now - 5 * HOUR), completionTime: iso(now - 5 * HOUR + 95_000), succeeded: 1, conditions: [{ type: "Complete", status: "True" }] } }],
    ["cronjobs", { apiVersion: "batch/v1", kind: "CronJob", metadata: meta("reports-nightly", shop, 240), spec: { schedule: "0 2 * * *", timeZone: "Etc/UTC", suspend: false, jobTemplate: { spec: { template: podTemplate("reports-nightly", "registry.example.com/shop/reports:0.9.3") } } }, status: { lastScheduleTime: iso(now - 5 * HOUR) } }],
    ["services", { apiVersion: "v1", kind: "Service", metadata: meta("checkout", shop, 240), spec: { type: "ClusterIP", clusterIP: "10.96.14.7", selector: { app: "checkout" }, ports: [{ name: "http", port: 80, targetPort: 8080, protocol: "TCP" }] } }],
    ["services", { apiVersion: "v1", kind: "Service", metadata: meta("frontend", shop, 240), spec: { type: "LoadBalancer", clusterIP: "10.96.3.21", selector: { app: "frontend" }, ports: [{ port: 443, nodePort: 31443, protocol: "TCP" }] }, status: { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } } }],
    ["endpointslices", { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: meta("checkout-x7k2p", shop, 240, { labels: { "kubernetes.io/service-name": "checkout" } }), addressType: "IPv4", ports: [{ name: "http", port: 8080, protocol: "TCP" }], endpoints: [{ addresses: ["10.244.0.12"], conditions: { ready: true } }, { addresses: ["10.244.1.7"], conditions: { ready: true } }] }],
    ["configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: meta("checkout-config", shop, 240), data: { PAYMENT_URL: "https://payments.example.com", LOG_LEVEL: "info" } }],
    ["secrets", { apiVersion: "v1", kind: "Secret", metadata: meta("checkout-db", shop, 240, { annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"data":{"password":"czNjcjN0"}}' } }), type: "Opaque", data: { username: b64("checkout"), password: b64("s3cr3t") } }],
    ["horizontalpodautoscalers", { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: meta("frontend", shop, 240), spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "frontend" }, minReplicas: 3, maxReplicas: 10, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }] }, status: { currentReplicas: 3, desiredReplicas: 3, currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 12, averageValue: "60m" } } }] } }],
    ["poddisruptionbudgets", { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: meta("checkout", shop, 240), spec: { minAvailable: 3, selector: { matchLabels: { app: "checkout" } } }, status: { disruptionsAllowed: 1, currentHealthy: 4, desiredHealthy: 3, expectedPods: 4 } }],
    ["ingresses", { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: meta("shop", shop, 240), spec: { ingressClassName: "nginx", tls: [{ hosts: ["shop.example.com"] }], rules: [{ host: "shop.example.com" }] }, status: { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } } }],
    ["networkpolicies", { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: meta("checkout-ingress", shop, 240), spec: { podSelector: { matchLabels: { app: "checkout" } }, policyTypes: ["Ingress"] } }],
    ["roles", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: meta("pod-reader", shop, 240), rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] }] }],
    ["rolebindings", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: meta("uptrust-pod-reader", shop, 240), roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader" }, subjects: [{ kind: "ServiceAccount", name: "uptrust", namespace: "uptrust" }] }],
    ["clusterroles", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: meta("uptrust-viewer", undefined, 240), rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["get", "list", "watch"] }] }],
    ["clusterrolebindings", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: meta("uptrust-viewer", undefined, 240), roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "uptrust-viewer" }, subjects: [{ kind: "Group", name: "sre", apiGroup: "rbac.authorization.k8s.io" }] }],
  ];
}

export function installKindsFixture(store: Store, now: number) {
  for (const [resource, object] of kindsFixture(now)) store.create(resource, object, { manager: "kubectl-client-side-apply", time: now });
}
