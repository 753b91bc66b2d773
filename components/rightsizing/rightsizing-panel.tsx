import Link from "next/link";
import { totalsLine } from "@/lib/domain/rightsizing-totals-line.ts";
import type { RightsizingTotals } from "@/lib/views/cockpit.ts";
import type { RecommendationRow } from "@/lib/views/recommendation.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { groupByContainer } from "./group-recommendations.ts";
import { RecommendationDefinitions, RecommendationTable } from "./recommendation-table.tsx";

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
    <Panel title="Right-sizing" aside={totals.containers ? totalsLine(totals) : undefined}>
      {rows.length === 0 ? (
        <Empty>No suggestions yet: Uptrust sizes a container after watching its usage for at least 3 hours.</Empty>
      ) : (
        <RecommendationTable groups={groups} />
      )}
      {totals.containers > groups.length ? (
        <p className={s.small} data-testid="rightsizing-more">
          Showing {groups.length} of {totals.containers.toLocaleString("en-US")} containers, largest savings first. <Link href={allHref}>Every suggestion →</Link>
        </p>
      ) : null}
      <RecommendationDefinitions />
    </Panel>
  );
}
