import type { Recommendation } from "@/lib/generated/prisma/client.ts";
import { usageSourceOf } from "@/lib/domain/usage-source.ts";
import { monthlyValue, timesReplicas, type Prices } from "@/lib/domain/rightsizing-savings.ts";
import { iso, num, numOrNull } from "./map-rows.ts";
import { readBasis, readHpa, savingsOf } from "./recommendation-basis.ts";
import type { RecommendationRow } from "@/lib/views/recommendation.ts";

export type RecommendationWithWorkload = Recommendation & { workload: { namespace: string; name: string; kind: string; cluster: { name: string } } };

// One stored suggestion as the cockpit shows it: BigInt bytes as numbers, savings per replica and for
// every running replica, and their worth a month at the configured prices.
export function toRecommendationRow(r: RecommendationWithWorkload, prices: Prices): RecommendationRow {
  const current = {
    cpuMillis: r.currentCpuRequestMillis,
    memoryRequestBytes: numOrNull(r.currentMemoryRequestBytes),
    memoryLimitBytes: numOrNull(r.currentMemoryLimitBytes),
  };
  const recommended = {
    cpuMillis: r.cpuRequestMillis,
    memoryRequestBytes: num(r.memoryRequestBytes),
    memoryLimitBytes: num(r.memoryLimitBytes),
  };
  const { basis, enoughHistory, note } = readBasis(r.basis);
  const { savingsPerReplica, savings, monthly } = worthOf(current, recommended, enoughHistory, r.replicas, prices);
  return {
    id: r.id,
    cluster: r.workload.cluster.name,
    namespace: r.workload.namespace,
    workload: r.workload.name,
    workloadKind: r.workload.kind,
    container: r.container,
    strategy: r.strategy,
    current,
    recommended,
    basis,
    enoughHistory,
    note,
    replicas: r.replicas,
    savings,
    savingsPerReplica,
    monthly,
    held: r.held,
    heldReason: r.heldReason,
    hpa: readHpa(r.basis),
    computedAt: iso(r.computedAt),
    usage: {
      source: usageSourceOf(r.usageSource),
      note: r.usageSourceNote,
      throttling: r.cpuThrottledP95 !== null && r.cpuThrottledMax !== null ? { p95: r.cpuThrottledP95, max: r.cpuThrottledMax } : null,
    },
  };
}

type Requests = { cpuMillis: number | null; memoryRequestBytes: number | null };

/** What a suggestion gives back per replica and for every running replica, and its worth a month at `prices`. */
export function worthOf(current: Requests, recommended: Requests & { cpuMillis: number; memoryRequestBytes: number }, enoughHistory: boolean, replicas: number, prices: Prices) {
  const savingsPerReplica = savingsOf(current, recommended, enoughHistory);
  const savings = timesReplicas(savingsPerReplica, replicas);
  return { savingsPerReplica, savings, monthly: { ...monthlyValue(savings, prices), currency: prices.currency } };
}

export const recommendationInclude = { workload: { select: { namespace: true, name: true, kind: true, cluster: { select: { name: true } } } } } as const;
