import Link from "next/link";
import type { ClusterSummary } from "@/lib/domain/cluster-summary.ts";
import { scopeSearch } from "@/lib/domain/scope.ts";
import type { Scope } from "@/lib/views/scope.ts";
import { savingsText } from "@/lib/domain/savings-text.ts";
import { poolHref, poolTone } from "../capacity/pool-card.tsx";
import { formatDuration, formatPercent, formatUtc } from "../format.ts";
import s from "../ui/styles.module.css";
import c from "./cockpit.module.css";

// One figure of a cluster's summary each, shared by the home page's strip and the clusters overview. Every
// figure links to its evidence: the full list behind a count, narrowed to the cluster (and to the scope the
// summary was read in), a panel of the home page, or the detail page behind the figure.

export type FigureLinks = {
  /** A panel of the home page that shows this cluster. */
  panel: (anchor: string) => string;
  /** A list page narrowed to this cluster within the scope, with filters of its own. */
  list: (path: string, filters?: Record<string, string>) => string;
};

export function figureLinks(scope: Scope, cluster: string, home: string): FigureLinks {
  const narrowed = scopeSearch({ ...scope, clusters: [cluster] });
  return {
    panel: (anchor) => `${home}#${anchor}`,
    list: (path, filters = {}) => `${path}?${new URLSearchParams([...narrowed, ...Object.entries(filters)])}`,
  };
}

type Props = { summary: ClusterSummary; links: FigureLinks };

const HEALTH: Record<string, "ok" | "warn" | "bad"> = { connected: "ok", degraded: "warn", pending: "warn" };
const TONE_CLASS = { bad: c.bad, warn: c.warn, ok: c.ok, info: "", neutral: "" } as const;

export function IngestFigure({ summary }: { summary: ClusterSummary }) {
  const ingest = summary.ingest;
  if (!ingest) return <span className={c.detail}>no ingest recorded</span>;
  return (
    <>
      <span className={c.figure} title={ingest.summary} data-testid="summary-ingest">
        <span className={s.dot} data-health={HEALTH[ingest.state] ?? "bad"} aria-hidden style={{ display: "inline-block", marginRight: 4 }} />
        {ingest.state}
      </span>
      <span className={c.detail} title={ingest.summary}>{ingest.dataThrough ? `data through ${formatUtc(ingest.dataThrough)}` : "no data yet"}</span>
    </>
  );
}

export function SloFigure({ summary, links }: Props) {
  const n = summary.slos;
  if (n.paging + n.ticketing + n.healthy + n.waiting === 0) return <span className={c.detail}>no SLOs</span>;
  return (
    <Link href={links.list("/slos")} className={c.figure} data-testid="summary-slos">
      <b className={n.paging ? c.bad : undefined}>{n.paging}</b> paging · <b className={n.ticketing ? c.warn : undefined}>{n.ticketing}</b> ticketing ·{" "}
      <b>{n.healthy}</b> healthy{n.waiting ? <span className={s.muted}> · {n.waiting} not evaluated yet</span> : null}
    </Link>
  );
}

export function IncidentFigure({ summary, links }: Props) {
  const i = summary.incidents;
  // The cluster's open incidents on /incidents: the cockpit's panel shows only the first few of the fleet's.
  const open = links.list("/incidents", { state: "open" });
  if (i.open === 0) {
    return <Link href={open} className={c.figure} data-testid="summary-incidents">none open</Link>;
  }
  return (
    <>
      <Link href={open} className={c.figure} data-testid="summary-incidents">
        <b>{i.open}</b> open: {i.bySeverity.map((x) => `${x.count} ${x.severity}`).join(", ")}
      </Link>
      {i.oldest ? (
        <Link href={`/incidents/${i.oldest.id}`} className={c.detail} title={i.oldest.title} data-testid="summary-oldest-incident">
          oldest open {formatDuration(i.oldest.openSeconds)}: {i.oldest.title}
        </Link>
      ) : null}
    </>
  );
}

export function BudgetFigure({ summary }: { summary: ClusterSummary }) {
  const { mostSpent, topChange } = summary.budget;
  if (!mostSpent) return <span className={c.detail}>no budget measured yet</span>;
  // With nothing spent there is no SLO to single out.
  if (mostSpent.spent <= 0) return <span className={c.figure} data-testid="summary-budget">none spent</span>;
  return (
    <>
      <Link href={`/slos/${mostSpent.sloId}`} className={c.figure} data-testid="summary-budget" title={`${mostSpent.label}: the SLO that spent most of its budget`}>
        <b className={mostSpent.spent >= 1 ? c.bad : undefined}>{formatPercent(mostSpent.spent)}</b> spent · {mostSpent.label}
      </Link>
      {topChange ? (
        // The charge's "this window's budget" is its own SLO's: another SLO than the figure above is named first.
        <Link href={`/slos/${topChange.sloId}`} className={c.detail} title={`${topChange.label}: ${topChange.description}`} data-testid="summary-top-change">
          {topChange.sloId === mostSpent.sloId ? "most" : `on ${topChange.label}`}: {topChange.description}
        </Link>
      ) : (
        <span className={c.detail}>no change charged</span>
      )}
    </>
  );
}

export function SavingsFigure({ summary, links }: Props) {
  const t = summary.savings;
  const text = savingsText({ cpuCores: t.cpuCores, memoryGiB: t.memoryGiB, monthly: t.monthly, currency: t.currency });
  return (
    <Link href={links.list("/rightsizing")} className={c.figure} data-testid="summary-savings">
      {summary.suggestions === 0 ? "no suggestion yet" : text}
      {t.held ? <span className={s.muted}> · {t.held} held</span> : null}
    </Link>
  );
}

export function GuardrailFigure({ summary, links }: Props) {
  const g = summary.guardrails;
  if (!g) return <span className={c.detail}>not checked yet</span>;
  return (
    <Link href={links.list("/guardrails")} className={c.figure} data-testid="summary-guardrails">
      score <b>{g.score}</b> · <b className={g.dangers ? c.bad : undefined}>{g.dangers}</b> {g.dangers === 1 ? "danger" : "dangers"}
    </Link>
  );
}

export function CapacityFigure({ summary }: { summary: ClusterSummary }) {
  const cap = summary.capacity;
  if (!cap) return <span className={c.detail}>no node pool measured yet</span>;
  return (
    <Link href={poolHref({ cluster: summary.cluster, pool: cap.pool })} className={c.figure} data-testid="summary-capacity">
      <span className={TONE_CLASS[poolTone(cap.summary)]}>{cap.text}</span>
      <span className={c.detail}>pool {cap.pool}</span>
    </Link>
  );
}
