import { burnBucketHours } from "@/lib/domain/burn-buckets.ts";
import { assembleCockpit } from "@/lib/domain/cockpit-assembly.ts";
import { scopeBounds } from "@/lib/domain/scope.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { Cockpit } from "@/lib/views/cockpit.ts";
import { clusterNow, getClusterChips } from "./get-cluster-chips.ts";
import { readSloCardsWithBurn, readSloHeadlines } from "./get-slo-cards.ts";
import { readIncidentList, readIncidentTimelines } from "./get-incident-summaries.ts";
import { getMttxInScope } from "./get-mttx-in-scope.ts";
import { getCapacity } from "./get-capacity.ts";
import { getGuardrails } from "./get-guardrails.ts";
import { readRecommendationHeadlines, readRecommendationRows } from "./get-recommendation-rows.ts";

// Everything the cockpit shows for a scope, read in one go; `now` is only the fallback before any
// cluster reports. Every section is narrowed in SQL, so a narrow scope also reads less. What a scope
// means for each (an SRE's reading; each query's comment says more):
// - clusters: chosen clusters narrow every section; namespaces and a service search (a substring of the
//   workload's name) narrow what runs in them: SLOs, incidents, MTTx, right-sizing, guardrail findings.
// - the time range ("last 6 h" ends at the clusters' newest report, like every window on the screen):
//   SLO cards keep their status and budget over the SLO's own window, and their burn chart covers the
//   range; incidents are those going on at some point of it; MTTR weeks are the weeks overlapping it and
//   MTTD/MTTA/MTTR count the incidents that started in it. Right-sizing, guardrails and capacity describe
//   the workloads and nodes as they are now, so the range leaves them as they are.
// - the default range keeps the cockpit's own windows: burn over the last 24 cluster-hours, open
//   incidents and those of the last 7 days, the last 12 weeks of MTTx.
// The summary and totals count every row of the scope; SLOs, suggestions and incidents are read as headlines,
// and only those the page keeps are read whole (cards with their burn charts, whole suggestions and incidents'
// timelines are the costly part at a thousand of each).
export async function getCockpit(scope: Scope, now: Date = new Date()): Promise<Cockpit> {
  const clusters = await getClusterChips(scope);
  const asOf = clusterNow(clusters, now);
  const bounds = scopeBounds(scope.range, asOf);
  const burnWindow = bounds ? { ...bounds, bucketHours: burnBucketHours(bounds.to.getTime() - bounds.from.getTime()) } : null;
  const [slos, incidents, { mttr, mttx }, recommendations, guardrails, capacity] = await Promise.all([
    readSloHeadlines(scope),
    readIncidentList(asOf, scope, bounds),
    getMttxInScope(scope, asOf, bounds),
    readRecommendationHeadlines(scope),
    getGuardrails(scope),
    getCapacity(scope),
  ]);
  const cockpit = assembleCockpit({ asOf: asOf.toISOString(), clusters, slos, incidents, mttr, mttx, recommendations, guardrails, capacity });
  const [cards, suggestions, timelines] = await Promise.all([
    readSloCardsWithBurn(cockpit.slos.map((x) => x.id), burnWindow),
    readRecommendationRows(cockpit.recommendations.map((x) => x.id)),
    readIncidentTimelines(cockpit.incidents.filter((i) => i.view === "card").map((i) => i.id)),
  ]);
  const shown = cockpit.incidents.map((i) => (i.view === "card" ? { ...i, timeline: timelines.get(i.id) ?? [] } : i));
  return { ...cockpit, slos: cards, recommendations: suggestions, incidents: shown };
}
