import type { ReactNode } from "react";
import s from "./styles.module.css";

export type ChartTable = { caption: string; columns: string[]; rows: (string | number)[][] };

// A chart is a picture of a table: it gets a name screen readers announce, stays out of the Tab order (the
// Recharts chart inside sets accessibilityLayer={false}, so there is no Tab stop per SVG node), and carries
// its table, folded, for anyone who reads numbers rather than shapes.
export function ChartFigure({ label, description, table, children }: { label: string; description?: string; table: ChartTable; children: ReactNode }) {
  return (
    <figure className={s.chartFigure} aria-label={label} data-testid="chart-figure">
      <div aria-hidden>{children}</div>
      {description ? <figcaption className={`${s.muted} ${s.small}`}>{description}</figcaption> : null}
      <details className={s.chartTable}>
        <summary>{label}: as a table</summary>
        <table className={s.table}>
          <caption className={s.srOnly}>{table.caption}</caption>
          <thead>
            <tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>{row.map((cell, j) => <td key={j}>{cell}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
