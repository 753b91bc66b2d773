import Link from "next/link";
import { scopeSearch, EVERYTHING } from "@/lib/domain/scope.ts";
import type { ClusterSummary } from "@/lib/domain/cluster-summary.ts";
import c from "./cockpit.module.css";
import {
  BudgetFigure, CapacityFigure, GuardrailFigure, IncidentFigure, IngestFigure, SavingsFigure, SloFigure, type PanelHref,
} from "./summary-figures.tsx";

/** The home page narrowed to one cluster. */
export const clusterHome = (cluster: string) => `/?${scopeSearch({ ...EVERYTHING, clusters: [cluster] })}`;

// One cluster's summary on the clusters overview: the strip's figures as a card, each linking to the
// panel of the home page scoped to this cluster (or to the detail page behind it).
export function ClusterCard({ summary }: { summary: ClusterSummary }) {
  const panel: PanelHref = (anchor) => `${clusterHome(summary.cluster)}#${anchor}`;
  const facts: [string, React.ReactNode][] = [
    ["ingest", <IngestFigure key="i" summary={summary} />],
    ["SLOs", <SloFigure key="s" summary={summary} panel={panel} />],
    ["open incidents", <IncidentFigure key="n" summary={summary} panel={panel} />],
    ["budget spent this window", <BudgetFigure key="b" summary={summary} />],
    ["right-sizing", <SavingsFigure key="r" summary={summary} panel={panel} />],
    ["guardrails", <GuardrailFigure key="g" summary={summary} panel={panel} />],
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
