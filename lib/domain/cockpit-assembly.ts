import type { CockpitOf, CockpitRows } from "@/lib/views/cockpit.ts";
import type { CockpitIncident, IncidentListItem } from "@/lib/views/incident.ts";
import type { RecommendationHeadline } from "@/lib/views/recommendation.ts";
import type { SloHeadline } from "@/lib/views/slo.ts";
import { clusterSummaries, sloCounts } from "./cluster-summary.ts";
import { byUrgency, incidentCounts } from "./incident-order.ts";
import { mttxServiceCount, topMttxServices } from "./mttx-services.ts";
import { containerCount, topContainers } from "./rightsizing-order.ts";
import { KRR, totalsOf, VPA } from "./rightsizing-totals.ts";

// How many rows the home page's long panels open with. A fleet has thousands of SLOs, containers and
// incidents; the first screen names the ones that need someone (SLOs arrive trouble first, containers by
// savings, incidents open and most severe first), and the full lists are a click away on /slos,
// /rightsizing and /incidents.
export const COCKPIT_TOP = { slos: 12, containers: 8, services: 12, incidents: 6 } as const;

export type CockpitTop = { slos: number; containers: number; services: number; incidents: number };

// Under the open incidents: the newest resolved ones as cards with their timelines, then a few more as a line each.
export const RESOLVED_SHOWN = { cards: 3, lines: 5 } as const;

function line(incident: IncidentListItem & { timeline?: unknown }): CockpitIncident {
  const item = { view: "line" as const, ...incident };
  delete item.timeline;
  return item;
}

/** The incidents the panel shows, in byUrgency order: the first open ones and the newest resolved as cards, then lines. */
export function cockpitIncidents<I extends IncidentListItem>(incidents: readonly I[], top: number): CockpitIncident<I>[] {
  const ordered = [...incidents].sort(byUrgency);
  const resolved = ordered.filter((i) => !i.active);
  const cards = [...ordered.filter((i) => i.active).slice(0, top), ...resolved.slice(0, RESOLVED_SHOWN.cards)];
  return [...cards.map((i) => ({ view: "card" as const, ...i })), ...resolved.slice(RESOLVED_SHOWN.cards, RESOLVED_SHOWN.cards + RESOLVED_SHOWN.lines).map(line)];
}

// The cockpit from every row of its scope: the summary and the totals are worked out before the lists are
// cut, so the strip and the panels' headings count what the full list pages show, not what fits the screen.
// SLOs, suggestions and incidents stay in the shape given: the query passes headlines, then reads whole ones
// (cards with burn charts, incidents with timelines) for those kept.
export function assembleCockpit<S extends SloHeadline, R extends RecommendationHeadline, I extends IncidentListItem>(
  rows: CockpitRows<S, R, I>,
  top: CockpitTop = COCKPIT_TOP,
): CockpitOf<S, R, I> {
  return {
    ...rows,
    summaries: clusterSummaries(rows),
    slos: rows.slos.slice(0, top.slos),
    sloCounts: sloCounts(rows.slos),
    incidents: cockpitIncidents(rows.incidents, top.incidents),
    incidentCounts: incidentCounts(rows.incidents),
    recommendations: topContainers(rows.recommendations, top.containers),
    mttx: topMttxServices(rows.mttx, top.services),
    mttxServices: mttxServiceCount(rows.mttx),
    rightsizingTotals: { containers: containerCount(rows.recommendations), krr: totalsOf(rows.recommendations, KRR), vpa: totalsOf(rows.recommendations, VPA) },
  };
}
