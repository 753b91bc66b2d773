import { toSloCard } from "@/lib/db/queries/map-slo.ts";
import type { SloCardData } from "@/lib/views/slo.ts";

// One SLO card as the queries hand it over (their own mapper), without a burn chart: test data only, never
// imported by the app. A null status is an SLO the analyzer has not evaluated yet; `failing` a source that fails.
const NOW = new Date("2026-11-25T12:30:00Z");
export type FixtureStatus = { remaining: number; alert: "page" | "ticket" | null; burn1h: number; burn6h: number } | null;

export function sloCardFixture(id: string, workload: string, status: FixtureStatus, more: { indicator?: string; failing?: string } = {}): SloCardData {
  return toSloCard(
    {
      id, name: "availability", indicator: more.indicator ?? "availability", target: 0.999, windowDays: 30, thresholdMs: null, budgeting: "occurrences",
      calendar: null, origin: "default", description: "", charges: [],
      workload: { namespace: "shop", name: workload, kind: "Deployment", cluster: { name: "prod eu" } },
      status: status && {
        computedAt: NOW, sli: 0.999, budgetRemaining: status.remaining, burnRate1h: status.burn1h, burnRate6h: status.burn6h, burnRate30d: 0.4,
        alert: status.alert, explanation: "", exhaustedAt: null, measuredSince: null,
      },
      sourceError: more.failing ? { message: more.failing, since: new Date("2026-11-25T11:58:00Z"), seenAt: NOW } : null,
    },
    [],
  );
}
