import { prisma } from "@/lib/db/client.ts";
import type { RecommendationRow } from "@/lib/views/recommendation.ts";
import { configuredPrices } from "./configured-prices.ts";
import { recommendationInclude, toRecommendationRow } from "./map-recommendation.ts";

// Every live workload's suggestions, one row per container and strategy, in namespace/workload/container
// order with KRR before VPA (the cockpit puts them side by side).
export async function getRecommendationRows(): Promise<RecommendationRow[]> {
  const rows = await prisma().recommendation.findMany({ where: { workload: { deletedAt: null } }, include: recommendationInclude });
  const prices = configuredPrices();
  return rows
    .map((r) => toRecommendationRow(r, prices))
    .sort((a, b) =>
      `${a.cluster}/${a.namespace}/${a.workload}/${a.container}/${a.strategy}`.localeCompare(`${b.cluster}/${b.namespace}/${b.workload}/${b.container}/${b.strategy}`),
    );
}
