import Link from "next/link";
import { listSearch, type ListFilter } from "@/lib/domain/list-query.ts";
import type { Scope } from "@/lib/views/scope.ts";
import l from "./lists.module.css";

export type FilterOption = { value: string; label: string; count: number; filter: ListFilter; current: boolean };

type Props = { path: string; scope: Scope; label: string; testId: string; options: readonly FilterOption[] };

// A list's filter as links above its table: each keeps the scope, names the rows it would list and counts them;
// the chosen one is marked current. `data-filter` carries the option's value for tests and styles.
export function FilterLinks({ path, scope, label, testId, options }: Props) {
  return (
    <nav aria-label={label}>
      <ul className={l.filters} data-testid={testId}>
        {options.map((o) => {
          const search = listSearch(scope, o.filter);
          return (
            <li key={o.value}>
              <Link href={`${path}${search ? `?${search}` : ""}`} aria-current={o.current ? "true" : undefined} data-filter={o.value}>
                {o.label} <b>{o.count.toLocaleString("en-US")}</b>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
