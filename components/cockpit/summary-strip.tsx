import Link from "next/link";
import { fleetHeadline, type ClusterSummary } from "@/lib/domain/cluster-summary.ts";
import { formatDuration } from "../format.ts";
import c from "./cockpit.module.css";
import {
  BudgetFigure, CapacityFigure, GuardrailFigure, IncidentFigure, IngestFigure, SavingsFigure, SloFigure, type PanelHref,
} from "./summary-figures.tsx";

// More rows than this would push the panels below the first screen: the rest are on /clusters.
export const STRIP_ROWS = 4;

const COLUMNS = ["cluster", "ingest", "SLOs", "open incidents", "budget spent this window", "right-sizing", "guardrails", "capacity"];

// The state of every cluster in the scope, one row each, trouble first: the first thing the home page says.
// `clusterHref` scopes the home page to one cluster; the panels it links to are on this page.
export function SummaryStrip({ summaries, clusterHref }: { summaries: ClusterSummary[]; clusterHref: (cluster: string) => string }) {
  const shown = summaries.slice(0, STRIP_ROWS);
  const panel: PanelHref = (anchor) => `#${anchor}`;
  return (
    <section className={c.strip} aria-labelledby="summary-heading" data-testid="summary-strip">
      <div className={c.stripHead}>
        <h2 id="summary-heading">State of the clusters</h2>
        <span className={c.headline} data-testid="summary-headline">{fleetHeadline(summaries, formatDuration)}</span>
        {summaries.length > shown.length ? (
          <Link href="/clusters" className={c.more}>{summaries.length - shown.length} more on the clusters overview →</Link>
        ) : (
          <Link href="/clusters" className={c.more}>Clusters overview →</Link>
        )}
      </div>
      {summaries.length === 0 ? (
        <p className={c.scopeNote}>No cluster in this scope has reported yet: Uptrust summarizes a cluster once ingest connects.</p>
      ) : (
        <table className={c.summary}>
          <thead>
            <tr>{COLUMNS.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
          </thead>
          <tbody>
            {shown.map((x) => (
              <tr key={x.cluster} data-testid="summary-row" data-cluster={x.cluster}>
                <th scope="row" style={{ fontWeight: 600 }}>
                  <Link href={clusterHref(x.cluster)} className={c.clusterName} title={`Show only ${x.cluster}`}>{x.cluster}</Link>
                </th>
                <td><IngestFigure summary={x} /></td>
                <td><SloFigure summary={x} panel={panel} /></td>
                <td><IncidentFigure summary={x} panel={panel} /></td>
                <td><BudgetFigure summary={x} /></td>
                <td><SavingsFigure summary={x} panel={panel} /></td>
                <td><GuardrailFigure summary={x} panel={panel} /></td>
                <td><CapacityFigure summary={x} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
