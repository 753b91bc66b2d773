import Link from "next/link";
import { coverageText, formatSpan, ruleStateText } from "@/lib/domain/burn-coverage.ts";
import { servicePath } from "@/lib/domain/service-ref.ts";
import type { SloDetail } from "@/lib/views/slo.ts";
import type { MinutePage, SloHistory } from "@/lib/views/slo-history.ts";
import { formatBurn, formatClock, formatPercent, formatUtc } from "../format.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { AlertHistory } from "./alert-history.tsx";
import { BudgetBurnDownChart } from "./budget-burn-down-chart.tsx";
import { MinutesTable } from "./minutes-table.tsx";
import { RuleBurnCharts } from "./rule-burn-charts.tsx";
import { SloCard } from "./slo-card.tsx";
import h from "./slo-history.module.css";
import { objectiveText } from "./objective.ts";

const covers = (windowMs: number, coveredMs: number | null) => (coveredMs === null ? "–" : coverageText({ windowMs, coveredMs }).replace(/^covers /, ""));

// Everything behind one SLO's card: its definition, each rule of the burn-rate table with the events it
// saw, and the budget charged to each change with the intervals it paid for.
export function SloDetailView({ detail, history, minutes, search, minutesOpen }: { detail: SloDetail; history: SloHistory; minutes: MinutePage; search: string; minutesOpen: boolean }) {
  const { slo, windows, charges } = detail;
  const ev = slo.evaluation;
  return (
    <div className={s.page}>
      <p className={s.back}><Link href="/">← Cockpit</Link></p>
      <h1 style={{ fontSize: 20, margin: "4px 0" }}>{slo.workload.namespace}/{slo.workload.name} · {slo.name}</h1>
      <p className={s.explain}>{objectiveText(slo)}.{slo.origin !== "default" && slo.description ? ` ${slo.description}` : ""}</p>
      <dl className={`${s.dl} ${s.num}`} style={{ margin: "10px 0 16px" }}>
        <dt>cluster</dt><dd>{slo.cluster}</dd>
        <dt>service</dt><dd><Link href={servicePath({ cluster: slo.cluster, ...slo.workload })}>{slo.workload.kind} {slo.workload.namespace}/{slo.workload.name}</Link></dd>
        <dt>defined by</dt><dd>{slo.origin === "default" ? "Uptrust's default for every workload" : slo.origin}</dd>
        <dt>window starts</dt><dd>{formatUtc(detail.windowStart)}</dd>
        {ev.kind === "evaluated" && ev.measuredSince ? (
          <><dt>measured since</dt><dd data-testid="measured-since">{formatUtc(ev.measuredSince)}: the history {coverageText(ev.lines[ev.lines.length - 1]).replace(" of ", " of the ")} window</dd></>
        ) : null}
        <dt>budget runs out</dt><dd>{ev.kind === "evaluated" && ev.exhaustedAt ? formatUtc(ev.exhaustedAt) : "not at the current pace"}</dd>
        <dt>Prometheus rules</dt>
        <dd>
          <a href={`/api/slos/${slo.id}/rules`} download data-testid="slo-rules">download this SLO&apos;s recording and alerting rules (YAML, Sloth&apos;s names)</a>, or{" "}
          <a href={`/api/slos/${slo.id}/rules?format=prometheusrule`} download data-testid="slo-rules-operator">the same as a PrometheusRule</a>
        </dd>
      </dl>
      <div className={h.charts} style={{ marginBottom: 16 }}>
        <div className={s.cards}><SloCard slo={slo} /></div>
        <Panel title="Error budget burn-down" aside={history.kind === "ok" ? `as of ${formatUtc(history.asOf)}` : undefined}>
          {history.kind === "ok" ? <BudgetBurnDownChart points={history.burnDown} stepMs={history.burnDownStepMs} windowEnd={history.windowEnd} /> : <Empty>{history.reason}</Empty>}
        </Panel>
      </div>
      {history.kind === "ok" ? (
        <div className={`${h.charts} ${h.wide}`} style={{ marginBottom: 16 }}>
          <Panel title="Burn rate against the alert rules" aside="a rule fires while both its windows burn at or above its rate">
            <RuleBurnCharts rules={history.rules} stepMs={history.burnStepMs} />
          </Panel>
          <Panel title="Alert history" aside="pages and tickets the rules raised in this window">
            <AlertHistory alerts={history.alerts} asOf={history.asOf} />
          </Panel>
        </div>
      ) : null}
      <Panel title="Burn-rate windows" aside="burn = bad ÷ measured events ÷ budget on every window; an alert fires when both burn at or above the rate and the history covers enough to judge">
        {windows.length === 0 ? (
          <Empty>Not evaluated yet.</Empty>
        ) : (
          <table className={`${s.table} ${s.num}`} data-testid="burn-windows">
            <thead><tr><th>severity</th><th>long · short window</th><th className={s.right}>rate</th><th className={s.right}>long burn (events)</th><th className={s.right}>short burn (events)</th><th>history covers</th><th>state</th></tr></thead>
            <tbody>
              {windows.map((w, i) => (
                <tr key={i}>
                  <td>{w.severity}</td>
                  <td>{formatSpan(w.longWindowMs)} · {formatSpan(w.shortWindowMs)}</td>
                  <td className={s.right}>{formatBurn(w.burnRate)}</td>
                  <td className={s.right}>{formatBurn(w.longBurn)} ({Math.round(w.longEvents)})</td>
                  <td className={s.right}>{formatBurn(w.shortBurn)} ({Math.round(w.shortEvents)})</td>
                  <td data-testid="window-coverage">{covers(w.longWindowMs, w.longCoveredMs)} · {covers(w.shortWindowMs, w.shortCoveredMs)}</td>
                  <td className={s.wrap}>{w.firing ? <b>firing</b> : ruleStateText(w)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title="Budget spent, by change" aside="each burning interval charged to the changes at its onset">
        {charges.length === 0 ? (
          <Empty>Nothing in this window burned faster than the budget allows.</Empty>
        ) : (
          <table className={`${s.table} ${s.num}`} data-testid="budget-charge-table">
            <thead><tr><th>charge</th><th className={s.right}>budget</th><th className={s.right}>bad events</th><th>intervals (UTC)</th></tr></thead>
            <tbody>
              {charges.map((c, i) => (
                <tr key={i}>
                  <td className={s.wrap}>{c.description}</td>
                  <td className={s.right}>{formatPercent(c.spent)}</td>
                  <td className={s.right}>{Math.round(c.bad)}</td>
                  <td className={s.wrap}>{c.intervals.slice(0, 5).map((iv) => `${formatUtc(iv.from).slice(0, -4)}–${formatClock(iv.to).slice(0, 5)}`).join("; ")}{c.intervals.length > 5 ? ` and ${c.intervals.length - 5} more` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title="Measured minutes" aside="what every figure above is summed from">
        <MinutesTable minutes={minutes} search={search} open={minutesOpen} />
      </Panel>
      {detail.sourceYaml ? (
        <Panel title="Definition as imported">
          <pre style={{ fontSize: 12, overflowX: "auto" }}>{detail.sourceYaml}</pre>
        </Panel>
      ) : null}
    </div>
  );
}
