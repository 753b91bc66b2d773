import Link from "next/link";
import { listSearch } from "@/lib/domain/list-query.ts";
import { scopeSearch } from "@/lib/domain/scope.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { ScopeOptions } from "@/lib/views/scope-options.ts";
import { ScopeBar } from "../scope/scope-bar.tsx";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { ListPager, PastEndNotice } from "./list-pager.tsx";
import l from "./lists.module.css";
import { RecommendationDefinitions, RecommendationTable } from "../rightsizing/recommendation-table.tsx";
import type { RightsizingList } from "./rightsizing-list.ts";

type Props = { scope: Scope; problems: string[]; options: ScopeOptions; view: RightsizingList };

// Every container with a suggestion in the scope, the largest savings first as on the cockpit, 50 a page.
export function RightsizingListView({ scope, problems, options, view: { totals, counts, held, list } }: Props) {
  const home = scopeSearch(scope).toString();
  const filter = (h: boolean) => ({ held: h ? "1" : null });
  const href = (h: boolean) => {
    const search = listSearch(scope, filter(h));
    return `/rightsizing${search ? `?${search}` : ""}`;
  };
  return (
    <div className={s.page}>
      <p className={s.back}><Link href={home ? `/?${home}` : "/"}>← Cockpit</Link></p>
      <h1 style={{ fontSize: 20, margin: "4px 0" }}>Right-sizing</h1>
      <p className={s.definition}>
        Containers whose KRR suggestion is worth most a month first, then those still waiting for history or held. A suggestion is today&apos;s
        advice from the usage history, so the time range leaves this list as it is.
      </p>
      <ScopeBar scope={scope} problems={problems} options={options} filter={filter(held)} />
      <nav aria-label="Suggestions held or not">
        <ul className={l.filters} data-testid="held-filter">
          <li><Link href={href(false)} aria-current={held ? undefined : "true"}>every container <b>{counts.all.toLocaleString("en-US")}</b></Link></li>
          <li><Link href={href(true)} aria-current={held ? "true" : undefined}>held <b>{counts.held.toLocaleString("en-US")}</b></Link></li>
        </ul>
      </nav>
      <PastEndNotice list={list} noun="containers" />
      <Panel title={held ? "Held suggestions" : "Every suggestion"} aside={totals ? <span data-testid="rightsizing-totals">{totals}</span> : undefined}>
        {list.total === 0 ? (
          <Empty>{held ? "No suggestion in this scope is held." : "No suggestions in this scope yet: Uptrust sizes a container after watching its usage for at least 3 hours."}</Empty>
        ) : (
          <RecommendationTable groups={list.rows} />
        )}
        <ListPager list={list} noun="containers" search={listSearch(scope, filter(held))} label="Pages of suggestions" />
        <RecommendationDefinitions />
      </Panel>
    </div>
  );
}
