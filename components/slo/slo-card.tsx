import Link from "next/link";
import { coverageNote, coverageText } from "@/lib/domain/burn-coverage.ts";
import { sloState } from "@/lib/domain/slo-order.ts";
import type { SloCardData } from "@/lib/views/slo.ts";
import { budgetHealth, formatBurn, formatClock, formatPercent, formatUtc } from "../format.ts";
import { SloStateBadge } from "../lists/slo-state-badge.tsx";
import s from "../ui/styles.module.css";
import { BurnChart } from "./burn-chart.tsx";
import { objectiveText, sloLabel } from "./objective.ts";

type Evaluated = Extract<SloCardData["evaluation"], { kind: "evaluated" }>;

// What the latest evaluation found: budget left, the burns with their history, and the changes that spent it.
function Figures({ slo, ev }: { slo: SloCardData; ev: Evaluated }) {
  const left = Math.min(1, Math.max(0, ev.budgetRemaining));
  return (
    <>
      <div className={`${s.small} ${s.num}`} style={{ marginTop: 6 }}>
        <b>{formatPercent(ev.budgetRemaining)}</b> <span className={s.muted}>of the error budget left · SLI {formatPercent(ev.sli, 3)}</span>
      </div>
      <div className={s.bar} role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(left * 100)} aria-label="Error budget remaining">
        <div className={s.barFill} data-health={budgetHealth(ev.budgetRemaining, ev.alert)} style={{ width: `${left * 100}%` }} />
      </div>
      <div className={`${s.stats} ${s.num}`}>
        {ev.lines.map((l) => (
          <span key={l.label} title={`bad ÷ measured events ÷ budget; history ${coverageText(l)}`} data-testid="burn-line" data-window={l.label}>
            {l.label} <b>{formatBurn(l.burn)}</b>
          </span>
        ))}
        <span style={{ marginLeft: "auto" }} title={formatUtc(ev.computedAt)}>evaluated {formatClock(ev.computedAt).slice(0, 5)} UTC</span>
      </div>
      {coverageNote(ev.lines) ? <p className={`${s.small} ${s.muted}`} style={{ margin: "2px 0 0" }} data-testid="burn-coverage">{coverageNote(ev.lines)}</p> : null}
      <p className={s.explain}>{ev.explanation}</p>
      {slo.charges.length > 0 ? (
        <ul className={s.small} style={{ margin: "4px 0", paddingLeft: 16 }} data-testid="budget-charges">
          {slo.charges.map((c, i) => <li key={i}>{c.description}</li>)}
        </ul>
      ) : null}
    </>
  );
}

export function SloCard({ slo }: { slo: SloCardData }) {
  const ev = slo.evaluation;
  const source = slo.sliSource;
  return (
    <article className={s.card} data-testid="slo-card" data-slo={slo.name} aria-label={`SLO ${sloLabel(slo)}`}>
      <div className={s.cardHead}>
        <Link href={`/slos/${slo.id}`} className={s.cardTitle}>{slo.workload.namespace}/{slo.workload.name}</Link>
        <span className={`${s.muted} ${s.small}`} data-testid="slo-cluster">{slo.cluster} · {slo.name}: {objectiveText(slo)}</span>
        <span style={{ marginLeft: "auto" }}><SloStateBadge state={sloState(slo)} /></span>
      </div>
      {source.kind === "failing" ? (
        <p className={s.notice} role="alert" data-testid="sli-source-error">
          Not measured since {formatUtc(source.since)}: {source.message}. The figures below stop at the last minute measured.
        </p>
      ) : null}
      {ev.kind === "waiting" ? (
        <p className={s.explain}>Waiting for the analyzer&apos;s first evaluation of this SLO.</p>
      ) : slo.indicator === "promql" ? (
        <p className={s.explain}>{ev.explanation}</p>
      ) : (
        <Figures slo={slo} ev={ev} />
      )}
      <BurnChart points={slo.hourlyBurn} />
    </article>
  );
}
