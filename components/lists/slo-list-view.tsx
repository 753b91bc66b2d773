import Link from "next/link";
import { listSearch } from "@/lib/domain/list-query.ts";
import { scopeSearch } from "@/lib/domain/scope.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { ScopeOptions } from "@/lib/views/scope-options.ts";
import { ScopeBar } from "../scope/scope-bar.tsx";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { ListPager, PastEndNotice } from "./list-pager.tsx";
import type { SloList } from "./slo-list.ts";
import { SLO_STATE_LABEL } from "./slo-state-badge.tsx";
import { SloStateFilter } from "./slo-state-filter.tsx";
import { SloTable } from "./slo-table.tsx";

type Props = { scope: Scope; problems: string[]; options: ScopeOptions; view: SloList };

// Every SLO of the scope, trouble first as on the cockpit, a page of 50 at a time.
export function SloListView({ scope, problems, options, view: { counts, alert, list } }: Props) {
  const home = scopeSearch(scope).toString();
  // One cluster in the scope: its rules as well as every SLO's.
  const cluster: Record<string, string> = scope.clusters.length === 1 ? { cluster: scope.clusters[0] } : {};
  const rules = (params: Record<string, string>) => `/api/slos/rules?${new URLSearchParams(params)}`;
  return (
    <div className={s.page}>
      <p className={s.back}><Link href={home ? `/?${home}` : "/"}>← Cockpit</Link></p>
      <h1 style={{ fontSize: 20, margin: "4px 0" }}>SLOs</h1>
      <p className={s.definition}>
        Paging first, then tickets, then the least error budget left. State, budget and burn are the analyzer&apos;s latest evaluation over
        each SLO&apos;s own window, so the time range leaves this list as it is.
      </p>
      <p className={s.definition}>
        Page from your own Alertmanager:{" "}
        <a href="/api/slos/rules" download data-testid="slo-rules-all">Prometheus rules for every SLO</a>
        {scope.clusters.length === 1 ? (
          <>
            {" "}or{" "}
            <a href={rules(cluster)} download data-testid="slo-rules-cluster">
              for {scope.clusters[0]}
            </a>
          </>
        ) : null}{" "}
        (YAML with Sloth&apos;s recording and alerting rules; check it with <code>promtool check rules</code>), or{" "}
        <a href={rules({ ...cluster, format: "prometheusrule" })} download data-testid="slo-rules-operator">
          the same as a PrometheusRule
        </a>{" "}
        for the Prometheus Operator (add <code>&amp;label=release=NAME</code> to the link for the labels your Prometheus selects rules by).
      </p>
      <ScopeBar scope={scope} problems={problems} options={options} filter={{ alert }} />
      <SloStateFilter scope={scope} counts={counts} chosen={alert} />
      <PastEndNotice list={list} noun="SLOs" />
      <Panel title={alert ? `SLOs: ${SLO_STATE_LABEL[alert]}` : "Every SLO"}>
        {list.total === 0 ? (
          <Empty>{alert ? `No SLO in this scope is in the state "${SLO_STATE_LABEL[alert]}".` : "No SLO in this scope."}</Empty>
        ) : (
          <SloTable slos={list.rows} />
        )}
        <ListPager list={list} noun="rows" search={listSearch(scope, { alert })} label="Pages of SLOs" />
      </Panel>
    </div>
  );
}
