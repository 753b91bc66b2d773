"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import s from "./styles.module.css";

export type ChartTable = { caption: string; columns: string[]; rows: (string | number)[][] };

// A chart is a picture of a table: it gets a name screen readers announce, stays out of the Tab order (the
// Recharts chart inside sets accessibilityLayer={false}, so there is no Tab stop per SVG node), and carries
// its table, folded, for anyone who reads numbers rather than shapes. The table is drawn once opened: the cockpit's
// charts hold some 700 rows nobody has opened yet, a sixth of its HTML at 10,000 pods (bench/web.ts). A chart whose rows
// take work to word passes a function, so the words are made only when someone opens the table.
type TableOf = ChartTable | (() => ChartTable);

export function ChartFigure({ label, description, table, children }: { label: string; description?: string; table: TableOf; children: ReactNode }) {
  const picture = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => keepOutOfTabOrder(picture.current), []);
  return (
    <figure className={s.chartFigure} aria-label={label} data-testid="chart-figure">
      <div aria-hidden ref={picture}>{children}</div>
      {description ? <figcaption className={`${s.muted} ${s.small}`}>{description}</figcaption> : null}
      <details className={s.chartTable} onToggle={(e) => setOpened(e.currentTarget.open)}>
        <summary>{label}: as a table</summary>
        {opened ? <FigureTable table={table} /> : null}
      </details>
    </figure>
  );
}

function FigureTable({ table: given }: { table: TableOf }) {
  const table = typeof given === "function" ? given() : given;
  return (
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
  );
}

// Chromium makes an SVG element with focus listeners a Tab stop, and React puts such listeners on every portal
// container: Recharts draws its layers through portals into <g> elements, several per chart. An explicit
// tabindex="-1" takes them out of the Tab order (hover tooltips still work); charts draw their layers after
// measuring, so the picture is watched for new ones.
function keepOutOfTabOrder(root: HTMLElement | null): (() => void) | undefined {
  if (!root) return undefined;
  const silence = () => root.querySelectorAll("svg:not([tabindex]), svg g:not([tabindex])").forEach((el) => el.setAttribute("tabindex", "-1"));
  silence();
  const observer = new MutationObserver(silence);
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
