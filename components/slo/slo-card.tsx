import Link from "next/link";
import { coverageNote, coverageText } from "@/lib/domain/burn-coverage.ts";
import type { SloCardData } from "@/lib/views/slo.ts";
import { budgetHealth, formatBurn, formatClock, formatPercent, formatUtc } from "../format.ts";
import { Badge } from "../ui/badge.tsx";
import s from "../ui/styles.module.css";
import { BurnChart } from "./burn-chart.tsx";
import { objectiveText, sloLabel } from "./objective.ts";

export function SloCard({ slo }: { slo: SloCardData }) {
  const st = slo.status;
  const health = st ? budgetHealth(st.budgetRemaining, st.alert) : "ok";
  const left = st ? Math.min(1, Math.max(0, st.budgetRemaining)) : 1;
  return (
    <article className={s.card} data-testid="slo-card" data-slo={slo.name} aria-label={`SLO ${sloLabel(slo)}`}>
      <div className={s.cardHead}>
        <Link href={`/slos/${slo.id}`} className={s.cardTitle}>{slo.workload.namespace}/{slo.workload.name}</Link>
        <span className={`${s.muted} ${s.small}`}>{slo.name}: {objectiveText(slo)}</span>
        <span style={{ marginLeft: "auto" }}>
          {st?.alert === "page" ? <Badge tone="bad" title="Fast burn: both windows above the paging rate">page</Badge> : null}
          {st?.alert === "ticket" ? <Badge tone="warn" title="Slow burn: worth a ticket, not a page">ticket</Badge> : null}
        </span>
      </div>
      {slo.sourceError ? (
        <p className={s.notice} role="alert" data-testid="sli-source-error">
          Not measured since {formatUtc(slo.sourceError.since)}: {slo.sourceError.message}. The figures below stop at the last minute measured.
        </p>
      ) : null}
      {st && slo.indicator === "promql" ? (
        <p className={s.explain}>{st.explanation}</p>
      ) : st ? (
        <>
          <div className={`${s.small} ${s.num}`} style={{ marginTop: 6 }}>
            <b>{formatPercent(st.budgetRemaining)}</b> <span className={s.muted}>of the error budget left · SLI {formatPercent(st.sli, 3)}</span>
          </div>
          <div className={s.bar} role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(left * 100)} aria-label="Error budget remaining">
            <div className={s.barFill} data-health={health} style={{ width: `${left * 100}%` }} />
          </div>
          <div className={`${s.stats} ${s.num}`}>
            {st.lines.map((l) => (
              <span key={l.label} title={`bad ÷ measured events ÷ budget; history ${coverageText(l)}`} data-testid="burn-line" data-window={l.label}>
                {l.label} <b>{formatBurn(l.burn)}</b>
              </span>
            ))}
            <span style={{ marginLeft: "auto" }} title={formatUtc(st.computedAt)}>evaluated {formatClock(st.computedAt).slice(0, 5)} UTC</span>
          </div>
          {coverageNote(st.lines) ? <p className={`${s.small} ${s.muted}`} style={{ margin: "2px 0 0" }} data-testid="burn-coverage">{coverageNote(st.lines)}</p> : null}
          <p className={s.explain}>{st.explanation}</p>
          {slo.charges.length > 0 ? (
            <ul className={s.small} style={{ margin: "4px 0", paddingLeft: 16 }} data-testid="budget-charges">
              {slo.charges.map((c, i) => <li key={i}>{c.description}</li>)}
            </ul>
          ) : null}
        </>
      ) : (
        <p className={s.explain}>Waiting for the analyzer&apos;s first evaluation of this SLO.</p>
      )}
      <BurnChart points={slo.hourlyBurn} />
    </article>
  );
}
