import type { ReactNode } from "react";
import s from "../ui/styles.module.css";

export type ListColumn = { label: string; right?: boolean };

// The full lists' table: a header cell per column (numbers to the right), then the rows the list renders.
export function ListTable({ testId, columns, children }: { testId: string; columns: readonly ListColumn[]; children: ReactNode }) {
  return (
    <table className={s.table} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c) => <th key={c.label} scope="col" className={c.right ? s.right : undefined}>{c.label}</th>)}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
