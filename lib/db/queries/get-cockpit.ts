import type { Cockpit } from "@/lib/views/cockpit.ts";
import { clusterNow, getClusterChips } from "./get-cluster-chips.ts";
import { getSloCards } from "./get-slo-cards.ts";
import { getIncidentSummaries } from "./get-incident-summaries.ts";
import { getMttrWeeks } from "./get-mttr-weeks.ts";
import { getMttxStats } from "./get-mttx-stats.ts";
import { getCapacity } from "./get-capacity.ts";
import { getGuardrails } from "./get-guardrails.ts";
import { getRecommendationRows } from "./get-recommendation-rows.ts";

// Everything the cockpit shows, read in one go; `now` is only the fallback before any cluster reports.
export async function getCockpit(now: Date = new Date()): Promise<Cockpit> {
  const clusters = await getClusterChips();
  const asOf = clusterNow(clusters, now);
  const [slos, incidents, mttr, mttx, recommendations, guardrails, capacity] = await Promise.all([
    getSloCards(),
    getIncidentSummaries(asOf),
    getMttrWeeks(),
    getMttxStats(),
    getRecommendationRows(),
    getGuardrails(),
    getCapacity(),
  ]);
  return { asOf: asOf.toISOString(), clusters, slos, incidents, mttr, mttx, recommendations, guardrails, capacity };
}
