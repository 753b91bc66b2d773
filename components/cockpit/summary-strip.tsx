import Link from "next/link";
import { fleetHeadline, type ClusterSummary } from "@/lib/domain/cluster-summary.ts";
import { scopeSearch } from "@/lib/domain/scope.ts";
import type { Scope } from "@/lib/views/scope.ts";
import { formatDuration } from "../format.ts";
import c from "./cockpit.module.css";
import {
  BudgetFigure, CapacityFigure, figureLinks, GuardrailFigure, IncidentFigure, IngestFigure, SavingsFigure, SloFigure,
} from "./summary-figures.tsx";

// More rows than this would push the panels below the first screen: the rest are on /clusters.
export const STRIP_ROWS = 4;

const COLUMNS = ["cluster", "ingest", "SLOs", "open incidents", "budget spent this window", "right-sizing", "guardrails", "capacity"];

// The state of every cluster in the scope, one row each, trouble first: the first thing the home page says.
// A cluster's name scopes the home page to it; its figures open the lists behind them narrowed to it within
// `scope`, or the panels on this page.
export function SummaryStrip({ summaries, scope }: { summaries: ClusterSummary[]; scope: Scope }) {
  const shown = summaries.slice(0, STRIP_ROWS);
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
            {shown.map((x) => <SummaryRow key={x.cluster} summary={x} scope={scope} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SummaryRow({ summary: x, scope }: { summary: ClusterSummary; scope: Scope }) {
  const links = figureLinks(scope, x.cluster, "");
  return (
    <tr data-testid="summary-row" data-cluster={x.cluster}>
      <th scope="row" style={{ fontWeight: 600 }}>
        <Link href={`/?${scopeSearch({ ...scope, clusters: [x.cluster] })}`} className={c.clusterName} title={`Show only ${x.cluster}`}>{x.cluster}</Link>
      </th>
      <td><IngestFigure summary={x} /></td>
      <td><SloFigure summary={x} links={links} /></td>
      <td><IncidentFigure summary={x} links={links} /></td>
      <td><BudgetFigure summary={x} /></td>
      <td><SavingsFigure summary={x} links={links} /></td>
      <td><GuardrailFigure summary={x} links={links} /></td>
      <td><CapacityFigure summary={x} /></td>
    </tr>
  );
}
