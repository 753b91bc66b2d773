import type { ContainerSuggestions } from "./group-recommendations.ts";
import { RecommendationRowView } from "./recommendation-row.tsx";
import s from "../ui/styles.module.css";

// Containers with KRR's and VPA's answers side by side (the right-sizing panel's table), and what each means.
export function RecommendationTable({ groups }: { groups: readonly ContainerSuggestions[] }) {
  return (
    <table className={s.table} data-testid="recommendation-table">
      <thead>
        <tr>
          <th scope="col">cluster · namespace / workload / container</th>
          <th scope="col" className={s.right}>asks for now</th>
          <th scope="col">KRR simple</th>
          <th scope="col">VPA-style</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => <RecommendationRowView key={g.key} group={g} />)}
      </tbody>
    </table>
  );
}

export function RecommendationDefinitions() {
  return (
    <p className={s.definition}>
      KRR: CPU request at p95 of usage, memory request = limit = peak + 15 % (+25 % after an OOM kill). VPA: p90 of usage decayed
      with a 24 h half-life and of daily memory peaks, + 15 %. Savings count every running replica (per replica for workloads an HPA
      scales); money = cores and GiB × price per hour × 730 h. Downsizing is held while the workload&apos;s SLO burns faster than 1×.
    </p>
  );
}
