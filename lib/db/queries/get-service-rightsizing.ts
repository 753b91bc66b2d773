import { prisma } from "@/lib/db/client.ts";
import { configuredPrices } from "./configured-prices.ts";
import { recommendationInclude, toRecommendationRow } from "./map-recommendation.ts";
import type { RecommendationRow } from "@/lib/views/recommendation.ts";

// One workload's right-sizing suggestions, as the cockpit's rows show them: per container, KRR before VPA.
export async function getServiceRightsizing(workloadId: string): Promise<RecommendationRow[]> {
  const rows = await prisma().recommendation.findMany({ where: { workloadId }, include: recommendationInclude, orderBy: [{ container: "asc" }, { strategy: "asc" }] });
  const prices = configuredPrices();
  return rows.map((r) => toRecommendationRow(r, prices));
}
