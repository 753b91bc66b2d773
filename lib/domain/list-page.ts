import { pageWindow } from "./pagination.ts";

// The long lists (/slos, /rightsizing) read every row of their scope, since counts and totals speak of all
// of them, and show one page of it. A page past the end (a list that shrank since its link was made)
// shows the last page, as pagination.ts has every list do, and `pastEnd` keeps the page that was asked for
// so the page can say why it shows another.
export const ROWS_PER_PAGE = 50;

export type ListPage<T> = { rows: T[]; page: number; pages: number; total: number; first: number; last: number; pastEnd: number | null };

export function listPage<T>(items: readonly T[], requested: number, perPage = ROWS_PER_PAGE): ListPage<T> {
  const w = pageWindow(items.length, requested, perPage);
  const rows = items.slice(w.offset, w.offset + w.limit);
  return {
    rows,
    page: w.page,
    pages: w.pages,
    total: items.length,
    first: rows.length ? w.offset + 1 : 0,
    last: w.offset + rows.length,
    pastEnd: requested > w.pages ? requested : null,
  };
}

const count = (n: number) => n.toLocaleString("en-US");

/** "rows 51–100 of 1,202", "containers 1–3 of 3", or "no rows" for an empty list. */
export function pageRangeText(p: Pick<ListPage<unknown>, "first" | "last" | "total">, noun: string): string {
  if (p.total === 0) return `no ${noun}`;
  return `${noun} ${count(p.first)}–${count(p.last)} of ${count(p.total)}`;
}

/** Why the page shows another page than the link asked for: "There is no page 30: 25 pages of 50 rows; this is the last." */
export function pastEndText(p: Pick<ListPage<unknown>, "pastEnd" | "pages">, noun: string, perPage = ROWS_PER_PAGE): string | null {
  if (p.pastEnd === null) return null;
  return `There is no page ${count(p.pastEnd)}: this list has ${count(p.pages)} ${p.pages === 1 ? "page" : "pages"} of up to ${perPage} ${noun}; this is the last.`;
}
