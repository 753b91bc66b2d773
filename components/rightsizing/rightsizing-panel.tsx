import type { RecommendationRow } from "@/lib/views/recommendation.ts";
import { savingsText } from "@/lib/domain/savings-text.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { groupByContainer, KRR, totalsOf, VPA } from "./group-recommendations.ts";
import { RecommendationRowView } from "./recommendation-row.tsx";

function totalsText(rows: RecommendationRow[]): string {
  const part = (label: string, strategy: string) => {
    const t = totalsOf(rows, strategy);
    const held = t.held ? ` (${t.held} held)` : "";
    return `${label} ${savingsText({ cpuCores: t.cpuCores, memoryGiB: t.memoryGiB, monthly: t.monthly, currency: t.currency })}${held}`;
  };
  return `if applied now: ${part("KRR", KRR)}; ${part("VPA", VPA)}`;
}

export function RightsizingPanel({ rows }: { rows: RecommendationRow[] }) {
  const groups = groupByContainer(rows);
  return (
    <Panel title="Right-sizing" aside={rows.length ? totalsText(rows) : undefined}>
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
      <p className={s.definition}>
        KRR: CPU request at p95 of usage, memory request = limit = peak + 15 % (+25 % after an OOM kill). VPA: p90 of usage decayed
        with a 24 h half-life and of daily memory peaks, + 15 %. Savings count every running replica (per replica for workloads an HPA
        scales); money = cores and GiB × price per hour × 730 h. Downsizing is held while the workload&apos;s SLO burns faster than 1×.
      </p>
    </Panel>
  );
}
