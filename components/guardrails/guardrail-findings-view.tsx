import Link from "next/link";
import { filterSearch, type GuardrailFilter } from "@/lib/domain/guardrail-filter.ts";
import type { GuardrailFindingsPage } from "@/lib/views/guardrail-findings.ts";
import { formatUtc } from "../format.ts";
import { Badge } from "../ui/badge.tsx";
import { Pager } from "../ui/pager.tsx";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { GuardrailFilters } from "./guardrail-filters.tsx";
import g from "./guardrails.module.css";

const namespaceHref = (cluster: string, namespace: string) => `/guardrails?${new URLSearchParams({ cluster, ...(namespace ? { ns: namespace } : {}) })}`;

// Every guardrail finding, filtered by cluster, namespace, check and severity, dangers first, each
// opening its evidence; beside them the score of every namespace the filters keep.
export function GuardrailFindingsView({ view, filter, problems }: { view: GuardrailFindingsPage; filter: GuardrailFilter; problems: string[] }) {
  const search = filterSearch(filter).toString();
  return (
    <div className={s.page}>
      <p className={s.back}><Link href="/">← Cockpit</Link></p>
      <h1 style={{ fontSize: 20, margin: "4px 0" }}>Guardrail findings</h1>
      <p className={s.definition}>
        Polaris and kube-score checks on every workload and RBAC object. Score = 2·passed ÷ (2·passed + warnings + 2·dangers) × 100: a danger
        costs twice what a warning does.
      </p>
      <GuardrailFilters filter={filter} options={view.options} />
      {problems.length > 0 ? <p className={s.notice} role="alert">Left out of the filters: {problems.join("; ")}.</p> : null}
      <div className={g.layout}>
        <Panel title="Score per namespace" aside="clusters in bold">
          {view.scores.length === 0 ? (
            <Empty>No score yet: Uptrust scores every namespace once ingest has listed its workloads.</Empty>
          ) : (
            <table className={`${s.table} ${s.num}`} data-testid="guardrail-scores">
              <thead><tr><th scope="col">namespace</th><th scope="col">score</th><th scope="col" className={s.right}>dangers</th><th scope="col" className={s.right}>warnings</th></tr></thead>
              <tbody>
                {view.scores.map((x) => (
                  <tr key={`${x.cluster}/${x.namespace}`} className={x.namespace === "" ? g.cluster : undefined}>
                    <td><Link href={namespaceHref(x.cluster, x.namespace)}>{x.namespace === "" ? x.cluster : x.namespace}</Link></td>
                    <td className={g.score}><span className={g.scoreBar} aria-hidden="true"><span style={{ width: `${x.score}%` }} /></span>{x.score}</td>
                    <td className={s.right}>{x.dangers}</td>
                    <td className={s.right}>{x.warnings}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
        <Panel title="Findings" aside={<span data-testid="findings-total">{view.total} {view.total === 1 ? "finding" : "findings"}{search ? " match" : ""}</span>}>
          {view.findings.length === 0 ? (
            <Empty>{search ? "No finding matches these filters." : "No finding: every check passes."}</Empty>
          ) : (
            <table className={s.table} data-testid="guardrail-findings">
              <thead><tr><th scope="col">severity</th><th scope="col">where</th><th scope="col">check</th><th scope="col">what to change</th><th scope="col">since (UTC)</th></tr></thead>
              <tbody>
                {view.findings.map((f) => (
                  <tr key={f.id} data-testid="guardrail-finding-row">
                    <td><Badge tone={f.severity === "danger" ? "bad" : "warn"}>{f.severity}</Badge></td>
                    <td className={s.wrap}><Link href={`/guardrails/${f.id}`}>{f.target}</Link> <span className={s.muted}>· {f.cluster}</span></td>
                    <td>{f.check}</td>
                    <td className={s.wrap}>{f.message}</td>
                    <td className={s.muted}>{formatUtc(f.firstSeen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={view.page} pages={view.pages} param="page" search={search} label="Pages of findings" />
        </Panel>
      </div>
    </div>
  );
}
