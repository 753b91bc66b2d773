import type { RecommendationRow } from "@/lib/views/recommendation.ts";

// One suggestion as the recommendation read model maps it, for the right-sizing components' tests.
export function row(over: Partial<RecommendationRow>): RecommendationRow {
  return {
    id: "r", cluster: "demo", namespace: "shop", workload: "frontend", workloadKind: "Deployment", container: "frontend", strategy: "krr-simple",
    current: { cpuMillis: 500, memoryRequestBytes: 2 ** 30, memoryLimitBytes: 2 ** 30 },
    recommended: { cpuMillis: 100, memoryRequestBytes: 2 ** 29, memoryLimitBytes: 2 ** 29 },
    basis: { percentile: 95, samples: 240, historyHours: 4, oomBump: false }, enoughHistory: true, note: null, replicas: 2,
    savings: { cpuCores: 0.8, memoryGiB: 1 }, savingsPerReplica: { cpuCores: 0.4, memoryGiB: 0.5 },
    monthly: { cpu: 18.46, memory: 3.09, total: 21.55, currency: "USD" }, held: false, heldReason: null, hpa: null, computedAt: "2026-12-02T12:00:00.000Z",
    usage: { source: "metrics-api", note: null, throttling: null },
    ...over,
  };
}
