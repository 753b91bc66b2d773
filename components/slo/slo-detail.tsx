import Link from "next/link";
import { coverageText, formatSpan, ruleStateText } from "@/lib/domain/burn-coverage.ts";
import type { SloDetail } from "@/lib/views/slo.ts";
import { formatBurn, formatClock, formatPercent, formatUtc } from "../format.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { SloCard } from "./slo-card.tsx";
import { objectiveText } from "./objective.ts";

const covers = (windowMs: number, coveredMs: number | null) => (coveredMs === null ? "–" : coverageText({ windowMs, coveredMs }).replace(/^covers /, ""));

// Everything behind one SLO's card: its definition, each rule of the burn-rate table with the events it
// saw, and the budget charged to each change with the intervals it paid for.
export function SloDetailView({ detail }: { detail: SloDetail }) {
  const { slo, windows, charges } = detail;
  return (
    <div className={s.page}>
      <p className={s.back}><Link href="/">← Cockpit</Link></p>
      <h1 style={{ fontSize: 20, margin: "4px 0" }}>{slo.workload.namespace}/{slo.workload.name} · {slo.name}</h1>
      <p className={s.explain}>{objectiveText(slo)}.{slo.origin !== "default" && slo.description ? ` ${slo.description}` : ""}</p>
      <dl className={`${s.dl} ${s.num}`} style={{ margin: "10px 0 16px" }}>
        <dt>cluster</dt><dd>{slo.cluster}</dd>
        <dt>defined by</dt><dd>{slo.origin === "default" ? "Uptrust's default for every workload" : slo.origin}</dd>
        <dt>window starts</dt><dd>{formatUtc(detail.windowStart)}</dd>
        {slo.status?.measuredSince ? (
          <><dt>measured since</dt><dd data-testid="measured-since">{formatUtc(slo.status.measuredSince)}: the history {coverageText(slo.status.lines[slo.status.lines.length - 1]).replace(" of ", " of the ")} window</dd></>
        ) : null}
        <dt>budget runs out</dt><dd>{slo.status?.exhaustedAt ? formatUtc(slo.status.exhaustedAt) : "not at the current pace"}</dd>
      </dl>
      <div className={s.cards} style={{ marginBottom: 16 }}><SloCard slo={slo} /></div>
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
      <Panel title="Measured minutes" aside={`the newest ${detail.recent.length} with events · what every figure above is summed from`}>
        {detail.recent.length === 0 ? (
          <Empty>No minute measured yet.</Empty>
        ) : (
          <table className={`${s.table} ${s.num}`} data-testid="slo-minutes">
            <thead><tr><th>minute (UTC)</th><th className={s.right}>good</th><th className={s.right}>total</th><th className={s.right}>bad</th></tr></thead>
            <tbody>
              {detail.recent.map((m) => (
                <tr key={m.ts}>
                  <td>{formatUtc(m.ts).slice(0, -4)}</td>
                  <td className={s.right}>{+m.good.toFixed(2)}</td>
                  <td className={s.right}>{+m.total.toFixed(2)}</td>
                  <td className={s.right}>{m.total - m.good > 0 ? <b>{+(m.total - m.good).toFixed(2)}</b> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      {detail.sourceYaml ? (
        <Panel title="Definition as imported">
          <pre style={{ fontSize: 12, overflowX: "auto" }}>{detail.sourceYaml}</pre>
        </Panel>
      ) : null}
    </div>
  );
}
