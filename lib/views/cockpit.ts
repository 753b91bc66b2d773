// The JSON the cockpit API serves: every panel's rows in one object. Dates are ISO strings, byte counts
// plain numbers (Prisma hands back BigInt, which JSON cannot carry), so server and browser see the same data.

import type { CapacityView } from "./capacity.ts";
import type { ClusterChip } from "./cluster.ts";
import type { GuardrailsView } from "./guardrails.ts";
import type { IncidentSummary } from "./incident.ts";
import type { MttrPoint, MttxRow } from "./mttx.ts";
import type { RecommendationRow } from "./recommendation.ts";
import type { SloCardData } from "./slo.ts";

export type Cockpit = {
  // The newest time any cluster reported (its own clock); "now" for every window on the screen.
  asOf: string;
  clusters: ClusterChip[];
  slos: SloCardData[];
  incidents: IncidentSummary[];
  mttr: MttrPoint[];
  mttx: MttxRow[];
  recommendations: RecommendationRow[];
  guardrails: GuardrailsView;
  capacity: CapacityView;
};
