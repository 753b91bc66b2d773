import type { SloCardData } from "@/lib/views/slo.ts";

// An SLO's state as an SRE sorts and filters them: paging, ticketing, healthy (evaluated, no alert), or
// waiting for the analyzer's first evaluation. cluster-summary.ts's sloCounts counts by the same rules.
export const SLO_STATES = ["page", "ticket", "healthy", "waiting"] as const;
export type SloState = (typeof SLO_STATES)[number];

type Ordered = Pick<SloCardData, "name" | "workload"> & { status: Pick<NonNullable<SloCardData["status"]>, "alert" | "budgetRemaining"> | null };

export function sloState(slo: Pick<Ordered, "status">): SloState {
  if (!slo.status) return "waiting";
  return slo.status.alert ?? "healthy";
}

// Paging, then ticketing, then everything else: an SLO not yet evaluated sorts as if its budget were whole.
const rank = (slo: Ordered) => (slo.status?.alert === "page" ? 0 : slo.status?.alert === "ticket" ? 1 : 2);

/** Trouble first: paging SLOs, then tickets, then the least budget left; ties by workload, then SLO name. */
export function byTroubleFirst(a: Ordered, b: Ordered): number {
  return (
    rank(a) - rank(b) ||
    (a.status?.budgetRemaining ?? 1) - (b.status?.budgetRemaining ?? 1) ||
    `${a.workload.namespace}/${a.workload.name}`.localeCompare(`${b.workload.namespace}/${b.workload.name}`) ||
    a.name.localeCompare(b.name)
  );
}
