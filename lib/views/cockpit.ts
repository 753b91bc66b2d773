// The JSON the cockpit API serves: the clusters' summary and each panel's first rows in one object. Dates are
// ISO strings, byte counts plain numbers (Prisma hands back BigInt, which JSON cannot carry), so server and
// browser see the same data. Long lists are cut to their most important rows (lib/domain/cockpit-assembly.ts);
// the summary and the totals are worked out from every row of the scope before the cut.

import type { ClusterSummary, SloCounts } from "@/lib/domain/cluster-summary.ts";
import type { StrategyTotals } from "@/lib/domain/rightsizing-totals.ts";
import type { CapacityView } from "./capacity.ts";
import type { ClusterChip } from "./cluster.ts";
import type { GuardrailsView } from "./guardrails.ts";
import type { IncidentCounts } from "@/lib/domain/incident-order.ts";
import type { CockpitIncident, IncidentListItem, IncidentSummary } from "./incident.ts";
import type { MttrPoint, MttxRow } from "./mttx.ts";
import type { RecommendationHeadline, RecommendationRow } from "./recommendation.ts";
import type { SloCardData, SloHeadline } from "./slo.ts";

export type RightsizingTotals = { containers: number; krr: StrategyTotals; vpa: StrategyTotals };

export type Cockpit = {
  // The newest time any cluster reported (its own clock); "now" for every window on the screen.
  asOf: string;
  clusters: ClusterChip[];
  /** One per cluster, trouble first, from every row of the scope. */
  summaries: ClusterSummary[];
  /** The most troubled SLOs, trouble first; `sloCounts` counts every SLO of the scope. */
  slos: SloCardData[];
  sloCounts: SloCounts;
  /** The open incidents that need someone most, then the newest resolved; `incidentCounts` counts every one of the scope. */
  incidents: CockpitIncident[];
  incidentCounts: IncidentCounts;
  mttr: MttrPoint[];
  /** Per week, per severity, and per service for the services with the most incidents; `mttxServices` counts them all. */
  mttx: MttxRow[];
  mttxServices: number;
  /** Both strategies' rows of the containers worth most; `rightsizingTotals` covers every row of the scope. */
  recommendations: RecommendationRow[];
  rightsizingTotals: RightsizingTotals;
  guardrails: GuardrailsView;
  capacity: CapacityView;
};

/** The cockpit with SLOs, suggestions and incidents of another shape (their headlines while it is being assembled). */
export type CockpitOf<S extends SloHeadline, R extends RecommendationHeadline = RecommendationRow, I extends IncidentListItem = IncidentSummary> = Omit<
  Cockpit,
  "slos" | "recommendations" | "incidents"
> & {
  slos: S[];
  recommendations: R[];
  incidents: CockpitIncident<I>[];
};

/** Everything the cockpit reads for a scope, before the long lists are cut. */
export type CockpitRows<
  S extends SloHeadline = SloCardData,
  R extends RecommendationHeadline = RecommendationRow,
  I extends IncidentListItem = IncidentSummary,
> = Omit<CockpitOf<S, R, I>, "summaries" | "sloCounts" | "rightsizingTotals" | "mttxServices" | "incidents" | "incidentCounts"> & { incidents: I[] };
