import type { MinutePage } from "@/lib/views/slo-history.ts";
import { formatUtc } from "../format.ts";
import { Pager } from "../ui/pager.tsx";
import s from "../ui/styles.module.css";
import h from "./slo-history.module.css";

// The measured minutes every figure on the page is summed from, folded away (they are evidence, not the
// story) and read a page at a time; a reader who paged is shown them open.
export function MinutesTable({ minutes, search, open }: { minutes: MinutePage; search: string; open: boolean }) {
  const { rows, page, pages, total, perPage } = minutes;
  return (
    <details className={h.minutes} open={open} id="minutes">
      <summary>Measured minutes: {total} with events, {perPage} a page, newest first</summary>
      {rows.length === 0 ? (
        <p className={s.empty}>No minute measured yet.</p>
      ) : (
        <table className={`${s.table} ${s.num}`} data-testid="slo-minutes">
          <caption className={s.muted} style={{ textAlign: "left" }}>Page {page} of {pages}: good and total events per minute (UTC)</caption>
          <thead><tr><th scope="col">minute (UTC)</th><th scope="col" className={s.right}>good</th><th scope="col" className={s.right}>total</th><th scope="col" className={s.right}>bad</th></tr></thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.ts}>
                <td>{formatUtc(m.ts)}</td>
                <td className={s.right}>{+m.good.toFixed(2)}</td>
                <td className={s.right}>{+m.total.toFixed(2)}</td>
                <td className={s.right}>{m.total - m.good > 0 ? <b>{+(m.total - m.good).toFixed(2)}</b> : 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pages={pages} param="minutes" search={search} label="Pages of measured minutes" hash="#minutes" />
    </details>
  );
}
