import type { CockpitOf, CockpitRows } from "@/lib/views/cockpit.ts";
import type { RecommendationHeadline } from "@/lib/views/recommendation.ts";
import type { SloHeadline } from "@/lib/views/slo.ts";
import { clusterSummaries, sloCounts } from "./cluster-summary.ts";
import { mttxServiceCount, topMttxServices } from "./mttx-services.ts";
import { containerCount, topContainers } from "./rightsizing-order.ts";
import { KRR, totalsOf, VPA } from "./rightsizing-totals.ts";

// How many rows the home page's long panels open with. A fleet has thousands of SLOs and containers; the
// first screen names the ones that need someone (SLOs arrive trouble first, containers by savings), and the
// full lists are a click away on /slos and /rightsizing.
export const COCKPIT_TOP = { slos: 12, containers: 8, services: 12 } as const;

export type CockpitTop = { slos: number; containers: number; services: number };

// The cockpit from every row of its scope: the summary and the totals are worked out before the lists are
// cut, so the strip and the panels' headings count what the full list pages show, not what fits the screen.
// SLOs and suggestions stay in the shape given: the query passes headlines, then reads whole ones for those kept.
export function assembleCockpit<S extends SloHeadline, R extends RecommendationHeadline>(rows: CockpitRows<S, R>, top: CockpitTop = COCKPIT_TOP): CockpitOf<S, R> {
  return {
    ...rows,
    summaries: clusterSummaries(rows),
    slos: rows.slos.slice(0, top.slos),
    sloCounts: sloCounts(rows.slos),
    recommendations: topContainers(rows.recommendations, top.containers),
    mttx: topMttxServices(rows.mttx, top.services),
    mttxServices: mttxServiceCount(rows.mttx),
    rightsizingTotals: { containers: containerCount(rows.recommendations), krr: totalsOf(rows.recommendations, KRR), vpa: totalsOf(rows.recommendations, VPA) },
  };
}
