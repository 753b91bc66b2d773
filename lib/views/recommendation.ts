import type { Throttling, UsageSource } from "@/lib/domain/usage-source.ts";

// One right-sizing suggestion for one container and strategy (bytes as numbers, money per month).

export type RecommendationRow = {
  id: string;
  cluster: string;
  namespace: string;
  workload: string;
  workloadKind: string;
  container: string;
  /** krr-simple | vpa: one row per strategy, shown side by side per container. */
  strategy: string;
  current: { cpuMillis: number | null; memoryRequestBytes: number | null; memoryLimitBytes: number | null };
  recommended: { cpuMillis: number; memoryRequestBytes: number; memoryLimitBytes: number };
  basis: { percentile: number | null; samples: number | null; historyHours: number | null; oomBump: boolean };
  enoughHistory: boolean;
  note: string | null;
  replicas: number;
  // Positive = Uptrust suggests giving capacity back; null when no request is set today. `savings`
  // counts every running replica, `savingsPerReplica` one of them.
  savings: { cpuCores: number | null; memoryGiB: number | null };
  savingsPerReplica: { cpuCores: number | null; memoryGiB: number | null };
  /** savings × configured price × 730 h. */
  monthly: { cpu: number | null; memory: number | null; total: number | null; currency: string };
  /** Downsizing waits while one of the workload's SLOs burns faster than 1×; the reason says which. */
  held: boolean;
  heldReason: string | null;
  hpa: { name: string; minReplicas: number; maxReplicas: number; cpuTargetUtilization: number | null; warning: string } | null;
  computedAt: string;
  /** Where the usage came from (worded by usageSourceText), why Prometheus was not used, and the throttling it saw. */
  usage: { source: UsageSource; note: string | null; throttling: Throttling | null };
};

/** What the totals, the counts and the order need of a suggestion: its name and its worth. A list of thousands reads
 * this for every suggestion and whole rows only for those it shows (lib/db/queries/get-recommendation-rows.ts). */
export type RecommendationHeadline = Pick<
  RecommendationRow,
  "id" | "cluster" | "namespace" | "workload" | "container" | "strategy" | "enoughHistory" | "held" | "savings" | "monthly"
>;
