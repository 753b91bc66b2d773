// Which Prometheus answers for a cluster. A team with one Prometheus per cluster lists them in
// UPTRUST_PROMETHEUS_URLS (prod=https://prometheus.prod:9090,staging=…); a shared one (Thanos, Mimir) is
// UPTRUST_PROMETHEUS_URL, whose series name the cluster by UPTRUST_PROMETHEUS_CLUSTER_LABEL. A cluster's own
// Prometheus wins: asking the shared one for a cluster it may not hold would size workloads, and measure PromQL
// SLOs, from another cluster's series.

export type PrometheusTarget = { url: string; clusterLabel: string | null };
export type PrometheusSettings = {
  UPTRUST_PROMETHEUS_URL?: string;
  UPTRUST_PROMETHEUS_URLS?: ReadonlyMap<string, string>;
  UPTRUST_PROMETHEUS_CLUSTER_LABEL?: string;
};

export function prometheusFor(settings: PrometheusSettings, cluster: string): PrometheusTarget | null {
  const own = settings.UPTRUST_PROMETHEUS_URLS?.get(cluster);
  if (own) return { url: own, clusterLabel: null };
  const shared = settings.UPTRUST_PROMETHEUS_URL;
  return shared ? { url: shared, clusterLabel: settings.UPTRUST_PROMETHEUS_CLUSTER_LABEL ?? null } : null;
}
