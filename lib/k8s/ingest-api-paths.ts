// Every Kubernetes API path the ingest worker reads, in one place: the streams take their paths from here,
// and the ClusterRole shipped in deploy/ is held to exactly what this list needs (ingest-rbac.test.ts).
// A kind watched without its RBAC rule would lose that stream in a cluster; a rule with no reader here is
// privilege nobody uses.

/** Listed and watched (paginated list, then watch from its resourceVersion). */
export const WATCHED_PATHS = {
  namespaces: "/api/v1/namespaces",
  nodes: "/api/v1/nodes",
  pods: "/api/v1/pods",
  events: "/api/v1/events",
  configMaps: "/api/v1/configmaps",
  secrets: "/api/v1/secrets",
  services: "/api/v1/services",
  deployments: "/apis/apps/v1/deployments",
  statefulSets: "/apis/apps/v1/statefulsets",
  daemonSets: "/apis/apps/v1/daemonsets",
  replicaSets: "/apis/apps/v1/replicasets",
  jobs: "/apis/batch/v1/jobs",
  cronJobs: "/apis/batch/v1/cronjobs",
  horizontalPodAutoscalers: "/apis/autoscaling/v2/horizontalpodautoscalers",
  podDisruptionBudgets: "/apis/policy/v1/poddisruptionbudgets",
  ingresses: "/apis/networking.k8s.io/v1/ingresses",
  networkPolicies: "/apis/networking.k8s.io/v1/networkpolicies",
  endpointSlices: "/apis/discovery.k8s.io/v1/endpointslices",
  roles: "/apis/rbac.authorization.k8s.io/v1/roles",
  roleBindings: "/apis/rbac.authorization.k8s.io/v1/rolebindings",
  clusterRoles: "/apis/rbac.authorization.k8s.io/v1/clusterroles",
  clusterRoleBindings: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
} as const;

/** Read as whole collections on a timer (metrics.k8s.io serves no watch). */
export const POLLED_PATHS = {
  podMetrics: "/apis/metrics.k8s.io/v1beta1/pods",
  nodeMetrics: "/apis/metrics.k8s.io/v1beta1/nodes",
} as const;

/** One container's log, followed: the pods/log subresource of one pod. */
export const POD_LOG_PATH = "/api/v1/namespaces/{namespace}/pods/{name}/log";

export function podLogPath(namespace: string, pod: string): string {
  return POD_LOG_PATH.replace("{namespace}", encodeURIComponent(namespace)).replace("{name}", encodeURIComponent(pod));
}
