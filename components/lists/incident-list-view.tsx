import Link from "next/link";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle.ts";
import { INCIDENT_STATES } from "@/lib/domain/incident-order.ts";
import { listSearch } from "@/lib/domain/list-query.ts";
import { scopeSearch } from "@/lib/domain/scope.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { ScopeOptions } from "@/lib/views/scope-options.ts";
import { ScopeBar } from "../scope/scope-bar.tsx";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { FilterLinks } from "./filter-links.tsx";
import type { IncidentList } from "./incident-list.ts";
import { IncidentTable } from "./incident-table.tsx";
import { ListPager, PastEndNotice } from "./list-pager.tsx";

type Props = { scope: Scope; problems: string[]; options: ScopeOptions; view: IncidentList };

const TITLE = { open: "Open incidents", resolved: "Resolved incidents" } as const;

// Every incident of the scope, open and most severe first as on the cockpit, a page of 50 at a time. Each filter
// keeps the other, and a new scope keeps both.
export function IncidentListView({ scope, problems, options, view: { counts, severities, state, severity, list } }: Props) {
  const home = scopeSearch(scope).toString();
  const filter = { state, severity };
  const total = counts.open + counts.resolved;
  const stateOptions = [
    { value: "all", label: "all", count: total, filter: { ...filter, state: null }, current: state === null },
    ...INCIDENT_STATES.map((x) => ({ value: x, label: x, count: counts[x], filter: { ...filter, state: x }, current: state === x })),
  ];
  // Every severity the lifecycle names, with a count, and any other found in the rows.
  const count = (x: string) => severities.find((c) => c.severity === x)?.count ?? 0;
  const names = [...new Set([...SEVERITIES, ...severities.map((c) => c.severity)])];
  const severityOptions = [
    { value: "all", label: "every severity", count: severities.reduce((n, c) => n + c.count, 0), filter: { ...filter, severity: null }, current: severity === null },
    ...names.map((x) => ({ value: x, label: x, count: count(x), filter: { ...filter, severity: x }, current: severity === x })),
  ];
  const what = [state, severity].filter(Boolean).join(" ");
  return (
    <div className={s.page}>
      <p className={s.back}><Link href={home ? `/?${home}` : "/"}>← Cockpit</Link></p>
      <h1 style={{ fontSize: 20, margin: "4px 0" }}>Incidents</h1>
      <p className={s.definition}>
        Open incidents first, the most severe and then the longest open at the top; then resolved ones, the newest first. By default: every
        open incident and those that started or ended in the last 7 days; with a time range, those going on at some point of it.
      </p>
      <ScopeBar scope={scope} problems={problems} options={options} filter={filter} />
      <FilterLinks path="/incidents" scope={scope} label="Incidents by state" testId="incident-state-filter" options={stateOptions} />
      <FilterLinks path="/incidents" scope={scope} label="Incidents by severity" testId="incident-severity-filter" options={severityOptions} />
      <PastEndNotice list={list} noun="incidents" />
      <Panel title={state ? `${TITLE[state]}${severity ? `: ${severity}` : ""}` : severity ? `Incidents: ${severity}` : "Every incident"}>
        {list.total === 0 ? (
          <Empty>{what ? `No ${what} incident in this scope.` : "No incident in this scope: nothing open, and nothing resolved in the time range."}</Empty>
        ) : (
          <IncidentTable incidents={list.rows} />
        )}
        <ListPager list={list} noun="incidents" search={listSearch(scope, filter)} label="Pages of incidents" />
      </Panel>
    </div>
  );
}
