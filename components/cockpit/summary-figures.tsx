import Link from "next/link";
import type { ClusterSummary } from "@/lib/domain/cluster-summary.ts";
import { savingsText } from "@/lib/domain/savings-text.ts";
import { poolHref, poolTone } from "../capacity/pool-card.tsx";
import { formatDuration, formatPercent, formatUtc } from "../format.ts";
import s from "../ui/styles.module.css";
import c from "./cockpit.module.css";

// One figure of a cluster's summary each, shared by the home page's strip and the clusters overview. Every
// figure links to its evidence: a panel of the home page (`panel(anchor)` says where that panel is) or the
// detail page behind the figure.

export type PanelHref = (anchor: string) => string;
type Props = { summary: ClusterSummary; panel: PanelHref };

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

export function SloFigure({ summary, panel }: Props) {
  const n = summary.slos;
  if (n.paging + n.ticketing + n.healthy + n.waiting === 0) return <span className={c.detail}>no SLOs</span>;
  return (
    <Link href={panel("slo-burn-heading")} className={c.figure} data-testid="summary-slos">
      <b className={n.paging ? c.bad : undefined}>{n.paging}</b> paging · <b className={n.ticketing ? c.warn : undefined}>{n.ticketing}</b> ticketing ·{" "}
      <b>{n.healthy}</b> healthy{n.waiting ? <span className={s.muted}> · {n.waiting} not evaluated yet</span> : null}
    </Link>
  );
}

export function IncidentFigure({ summary, panel }: Props) {
  const i = summary.incidents;
  if (i.open === 0) {
    return <Link href={panel("incidents-heading")} className={c.figure} data-testid="summary-incidents">none open</Link>;
  }
  return (
    <>
      <Link href={panel("incidents-heading")} className={c.figure} data-testid="summary-incidents">
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
        <Link href={`/slos/${topChange.sloId}`} className={c.detail} title={topChange.description} data-testid="summary-top-change">
          most: {topChange.description}
        </Link>
      ) : (
        <span className={c.detail}>no change charged</span>
      )}
    </>
  );
}

export function SavingsFigure({ summary, panel }: Props) {
  const t = summary.savings;
  const text = savingsText({ cpuCores: t.cpuCores, memoryGiB: t.memoryGiB, monthly: t.monthly, currency: t.currency });
  return (
    <Link href={panel("right-sizing-heading")} className={c.figure} data-testid="summary-savings">
      {summary.suggestions === 0 ? "no suggestion yet" : text}
      {t.held ? <span className={s.muted}> · {t.held} held</span> : null}
    </Link>
  );
}

export function GuardrailFigure({ summary, panel }: Props) {
  const g = summary.guardrails;
  if (!g) return <span className={c.detail}>not checked yet</span>;
  return (
    <Link href={panel("guardrails-heading")} className={c.figure} data-testid="summary-guardrails">
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
