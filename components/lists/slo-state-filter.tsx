import { COUNT_OF, type SloCounts } from "@/lib/domain/cluster-summary.ts";
import { SLO_STATES, type SloState } from "@/lib/domain/slo-order.ts";
import type { Scope } from "@/lib/views/scope.ts";
import { FilterLinks } from "./filter-links.tsx";
import { SLO_STATE_LABEL } from "./slo-state-badge.tsx";

// The counts are the clusters' summary's (sloCounts, COUNT_OF), so "3 page" here is the strip's "3 paging" for the same scope.
export function SloStateFilter({ scope, counts, chosen }: { scope: Scope; counts: SloCounts; chosen: SloState | null }) {
  const total = SLO_STATES.reduce((n, state) => n + counts[COUNT_OF[state]], 0);
  const options = [
    { value: "all", label: "all", count: total, filter: { alert: null }, current: chosen === null },
    ...SLO_STATES.map((state) => ({ value: state, label: SLO_STATE_LABEL[state], count: counts[COUNT_OF[state]], filter: { alert: state }, current: chosen === state })),
  ];
  return <FilterLinks path="/slos" scope={scope} label="SLOs by state" testId="slo-state-filter" options={options} />;
}
