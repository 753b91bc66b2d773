import Link from "next/link";
import type { RightsizingTotals } from "@/lib/views/cockpit.ts";
import type { RecommendationRow } from "@/lib/views/recommendation.ts";
import { savingsText } from "@/lib/domain/savings-text.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { groupByContainer, type StrategyTotals } from "./group-recommendations.ts";
import { RecommendationRowView } from "./recommendation-row.tsx";

function totalsText(totals: RightsizingTotals): string {
  const part = (label: string, t: StrategyTotals) => {
    const held = t.held ? ` (${t.held} held)` : "";
    return `${label} ${savingsText({ cpuCores: t.cpuCores, memoryGiB: t.memoryGiB, monthly: t.monthly, currency: t.currency })}${held}`;
  };
  return `if applied now: ${part("KRR", totals.krr)}; ${part("VPA", totals.vpa)}`;
}

type Props = {
  /** The containers worth most first, both strategies' rows of each. */
  rows: RecommendationRow[];
  /** Over every suggestion of the scope, not only the rows shown. */
  totals: RightsizingTotals;
  /** The full list for the same scope. */
  allHref: string;
};

export function RightsizingPanel({ rows, totals, allHref }: Props) {
  const groups = groupByContainer(rows);
  return (
    <Panel title="Right-sizing" aside={totals.containers ? totalsText(totals) : undefined}>
      {rows.length === 0 ? (
        <Empty>No suggestions yet: Uptrust sizes a container after watching its usage for at least 3 hours.</Empty>
      ) : (
        <table className={s.table}>
          <thead>
            <tr>
              <th scope="col">namespace / workload / container</th>
              <th scope="col" className={s.right}>asks for now</th>
              <th scope="col">KRR simple</th>
              <th scope="col">VPA-style</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => <RecommendationRowView key={g.key} group={g} />)}
          </tbody>
        </table>
      )}
      {totals.containers > groups.length ? (
        <p className={s.small} data-testid="rightsizing-more">
          Showing {groups.length} of {totals.containers.toLocaleString("en-US")} containers, largest savings first. <Link href={allHref}>Every suggestion →</Link>
        </p>
      ) : null}
      <p className={s.definition}>
        KRR: CPU request at p95 of usage, memory request = limit = peak + 15 % (+25 % after an OOM kill). VPA: p90 of usage decayed
        with a 24 h half-life and of daily memory peaks, + 15 %. Savings count every running replica (per replica for workloads an HPA
        scales); money = cores and GiB × price per hour × 730 h. Downsizing is held while the workload&apos;s SLO burns faster than 1×.
      </p>
    </Panel>
  );
}
