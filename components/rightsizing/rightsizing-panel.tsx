import type { RecommendationRow } from "@/lib/db/queries/types.ts";
import { formatSavings } from "../format.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { RecommendationRowView } from "./recommendation-row.tsx";

function totals(rows: RecommendationRow[]) {
  let cores = 0;
  let gib = 0;
  for (const r of rows) {
    cores += r.savings.cpuCores ?? 0;
    gib += r.savings.memoryGiB ?? 0;
  }
  return `${formatSavings(cores, "cores")} · ${formatSavings(gib, "GiB")} if applied`;
}

export function RightsizingPanel({ rows }: { rows: RecommendationRow[] }) {
  return (
    <Panel title="Right-sizing" aside={rows.length ? totals(rows) : undefined}>
      {rows.length === 0 ? (
        <Empty>No suggestions yet: Uptrust sizes a container after watching its usage for at least 3 hours.</Empty>
      ) : (
        <table className={s.table}>
          <thead>
            <tr>
              <th scope="col">namespace / workload / container</th>
              <th scope="col" className={s.right}>CPU now → suggested</th>
              <th scope="col" className={s.right}>memory now → suggested</th>
              <th scope="col">based on</th>
              <th scope="col" className={s.right}>savings</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => <RecommendationRowView key={r.id} row={r} />)}
          </tbody>
        </table>
      )}
      <p className={s.definition}>
        CPU request at the usage percentile shown; memory request = limit = peak usage + 15 % (more after an OOM kill).
        Savings are per replica: a plus gives capacity back, a minus means the container needs more than it asks for.
      </p>
    </Panel>
  );
}
