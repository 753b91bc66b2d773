import Link from "next/link";
import { COUNT_OF, type SloCounts } from "@/lib/domain/cluster-summary.ts";
import { listSearch } from "@/lib/domain/list-query.ts";
import { SLO_STATES, type SloState } from "@/lib/domain/slo-order.ts";
import type { Scope } from "@/lib/views/scope.ts";
import l from "./lists.module.css";
import { SLO_STATE_LABEL } from "./slo-state-badge.tsx";

// The counts are the clusters' summary's (sloCounts, COUNT_OF), so "3 page" here is the strip's "3 paging" for the same scope.
export function SloStateFilter({ scope, counts, chosen }: { scope: Scope; counts: SloCounts; chosen: SloState | null }) {
  const total = SLO_STATES.reduce((n, state) => n + counts[COUNT_OF[state]], 0);
  const options: { state: SloState | null; label: string; count: number }[] = [
    { state: null, label: "all", count: total },
    ...SLO_STATES.map((state) => ({ state, label: SLO_STATE_LABEL[state], count: counts[COUNT_OF[state]] })),
  ];
  return (
    <nav aria-label="SLOs by state">
      <ul className={l.filters} data-testid="slo-state-filter">
        {options.map((o) => {
          const search = listSearch(scope, { alert: o.state });
          return (
            <li key={o.label}>
              <Link href={`/slos${search ? `?${search}` : ""}`} aria-current={o.state === chosen ? "true" : undefined} data-state={o.state ?? "all"}>
                {o.label} <b>{o.count.toLocaleString("en-US")}</b>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
