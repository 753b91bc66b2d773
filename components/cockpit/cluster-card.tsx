import Link from "next/link";
import { scopeSearch, EVERYTHING } from "@/lib/domain/scope.ts";
import type { ClusterSummary } from "@/lib/domain/cluster-summary.ts";
import c from "./cockpit.module.css";
import {
  BudgetFigure, CapacityFigure, figureLinks, GuardrailFigure, IncidentFigure, IngestFigure, SavingsFigure, SloFigure,
} from "./summary-figures.tsx";

/** The home page narrowed to one cluster. */
export const clusterHome = (cluster: string) => `/?${scopeSearch({ ...EVERYTHING, clusters: [cluster] })}`;

// One cluster's summary on the clusters overview: the strip's figures as a card, each linking to the
// list behind it, the panel of the home page scoped to this cluster, or the detail page behind it.
export function ClusterCard({ summary }: { summary: ClusterSummary }) {
  const links = figureLinks(EVERYTHING, summary.cluster, clusterHome(summary.cluster));
  const facts: [string, React.ReactNode][] = [
    ["ingest", <IngestFigure key="i" summary={summary} />],
    ["SLOs", <SloFigure key="s" summary={summary} links={links} />],
    ["open incidents", <IncidentFigure key="n" summary={summary} links={links} />],
    ["budget spent this window", <BudgetFigure key="b" summary={summary} />],
    ["right-sizing", <SavingsFigure key="r" summary={summary} links={links} />],
    ["guardrails", <GuardrailFigure key="g" summary={summary} links={links} />],
    ["capacity", <CapacityFigure key="c" summary={summary} />],
  ];
  return (
    <section className={c.clusterCard} aria-labelledby={`cluster-${summary.cluster}`} data-testid="cluster-card" data-cluster={summary.cluster}>
      <h2 id={`cluster-${summary.cluster}`}>
        <Link href={clusterHome(summary.cluster)}>{summary.cluster}</Link>
      </h2>
      <dl className={c.facts}>
        {facts.map(([term, figure]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt>{term}</dt>
            <dd>{figure}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
