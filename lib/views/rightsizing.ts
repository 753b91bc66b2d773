import type { UsageBucket } from "@/lib/domain/usage-history.ts";
import type { Evidence } from "@/lib/views/recommendation-evidence.ts";
import type { RecommendationRow } from "@/lib/views/recommendation.ts";

// The right-sizing detail page: one container's suggestions with the facts under every figure.

export type StrategyDetail = { row: RecommendationRow; evidence: Evidence };

export type RightsizingDetail = {
  selectedId: string;
  cluster: string;
  namespace: string;
  workload: string;
  workloadKind: string;
  container: string;
  current: { cpuRequestMillis: number | null; cpuLimitMillis: number | null; memoryRequestBytes: number | null; memoryLimitBytes: number | null };
  replicas: number;
  strategies: StrategyDetail[];
  /** The 5-minute buckets the suggestions were computed from, oldest first. */
  usage: { from: string; to: string; points: UsageBucket[] };
  slos: { name: string; burnRate1h: number | null; burnRate6h: number | null; computedAt: string | null }[];
  prices: { cpuCoreHour: number; memoryGibHour: number; currency: string; hoursPerMonth: number };
};
