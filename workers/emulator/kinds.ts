import type { Resource } from "./store.ts";

/** One resource as an API group serves it; `store` says which stored collection backs it. */
export type Served = {
  name: string;
  kind: string;
  namespaced: boolean;
  store?: Resource;
  shortNames?: string[];
  categories?: string[];
  verbs?: string[];
  singularName?: string;
};

const ALL = ["all"];

// The kinds Uptrust's users look at with kubectl, in the groups and versions a v1.32 cluster serves them.
// events.k8s.io/v1 serves the same stored events as core v1, in its own schema (see api-present.ts).
export const KINDS: Record<string, Served[]> = {
  v1: [
    { name: "namespaces", kind: "Namespace", namespaced: false, store: "namespaces", shortNames: ["ns"] },
    { name: "nodes", kind: "Node", namespaced: false, store: "nodes", shortNames: ["no"] },
    { name: "pods", kind: "Pod", namespaced: true, store: "pods", shortNames: ["po"], categories: ALL },
    { name: "pods/log", kind: "Pod", namespaced: true, verbs: ["get"], singularName: "" },
    { name: "events", kind: "Event", namespaced: true, store: "events", shortNames: ["ev"] },
    { name: "services", kind: "Service", namespaced: true, store: "services", shortNames: ["svc"], categories: ALL },
    { name: "configmaps", kind: "ConfigMap", namespaced: true, store: "configmaps", shortNames: ["cm"] },
    { name: "secrets", kind: "Secret", namespaced: true, store: "secrets" },
    { name: "serviceaccounts", kind: "ServiceAccount", namespaced: true, store: "serviceaccounts", shortNames: ["sa"] },
  ],
  "apps/v1": [
    { name: "deployments", kind: "Deployment", namespaced: true, store: "deployments", shortNames: ["deploy"], categories: ALL },
    { name: "replicasets", kind: "ReplicaSet", namespaced: true, store: "replicasets", shortNames: ["rs"], categories: ALL },
    { name: "statefulsets", kind: "StatefulSet", namespaced: true, store: "statefulsets", shortNames: ["sts"], categories: ALL },
    { name: "daemonsets", kind: "DaemonSet", namespaced: true, store: "daemonsets", shortNames: ["ds"], categories: ALL },
  ],
  "batch/v1": [
    { name: "jobs", kind: "Job", namespaced: true, store: "jobs", categories: ALL },
    { name: "cronjobs", kind: "CronJob", namespaced: true, store: "cronjobs", shortNames: ["cj"], categories: ALL },
  ],
  "autoscaling/v2": [
    { name: "horizontalpodautoscalers", kind: "HorizontalPodAutoscaler", namespaced: true, store: "horizontalpodautoscalers", shortNames: ["hpa"], categories: ALL },
  ],
  "policy/v1": [{ name: "poddisruptionbudgets", kind: "PodDisruptionBudget", namespaced: true, store: "poddisruptionbudgets", shortNames: ["pdb"] }],
  "networking.k8s.io/v1": [
    { name: "ingresses", kind: "Ingress", namespaced: true, store: "ingresses", shortNames: ["ing"] },
    { name: "networkpolicies", kind: "NetworkPolicy", namespaced: true, store: "networkpolicies", shortNames: ["netpol"] },
  ],
  "discovery.k8s.io/v1": [{ name: "endpointslices", kind: "EndpointSlice", namespaced: true, store: "endpointslices" }],
  "rbac.authorization.k8s.io/v1": [
    { name: "roles", kind: "Role", namespaced: true, store: "roles" },
    { name: "rolebindings", kind: "RoleBinding", namespaced: true, store: "rolebindings" },
    { name: "clusterroles", kind: "ClusterRole", namespaced: false, store: "clusterroles" },
    { name: "clusterrolebindings", kind: "ClusterRoleBinding", namespaced: false, store: "clusterrolebindings" },
  ],
  "events.k8s.io/v1": [{ name: "events", kind: "Event", namespaced: true, store: "events", shortNames: ["ev"] }],
  "metrics.k8s.io/v1beta1": [
    { name: "nodes", kind: "NodeMetrics", namespaced: false, verbs: ["get", "list"] },
    { name: "pods", kind: "PodMetrics", namespaced: true, verbs: ["get", "list"] },
  ],
};

/** The group part of a group/version ("" for the core group), as Status details and messages name it. */
export const groupOf = (gv: string) => (gv.includes("/") ? gv.split("/")[0] : "");

export function findServed(gv: string, resource: string): Served | undefined {
  return KINDS[gv]?.find((r) => r.name === resource);
}
