import type { SloHeadline } from "@/lib/views/slo.ts";

// An SLO's state as an SRE sorts and filters them: paging, ticketing, healthy (evaluated, no alert), or
// waiting for the analyzer's first evaluation. cluster-summary.ts's sloCounts counts by this very function.
export const SLO_STATES = ["page", "ticket", "healthy", "waiting"] as const;
export type SloState = (typeof SLO_STATES)[number];

type Ordered = Pick<SloHeadline, "name" | "workload" | "evaluation">;

export function sloState({ evaluation }: Pick<Ordered, "evaluation">): SloState {
  return evaluation.kind === "waiting" ? "waiting" : evaluation.alert ?? "healthy";
}

// Paging, then ticketing, then everything else: an SLO not yet evaluated sorts as if its budget were whole.
const RANK: Record<SloState, number> = { page: 0, ticket: 1, healthy: 2, waiting: 2 };
const budgetLeft = ({ evaluation }: Ordered) => (evaluation.kind === "evaluated" ? evaluation.budgetRemaining : 1);

/** Trouble first: paging SLOs, then tickets, then the least budget left; ties by workload, then SLO name. */
export function byTroubleFirst(a: Ordered, b: Ordered): number {
  return (
    RANK[sloState(a)] - RANK[sloState(b)] ||
    budgetLeft(a) - budgetLeft(b) ||
    `${a.workload.namespace}/${a.workload.name}`.localeCompare(`${b.workload.namespace}/${b.workload.name}`) ||
    a.name.localeCompare(b.name)
  );
}
