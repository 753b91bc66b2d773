// Long lists are read a page at a time. Pages count from 1; a page past the last (a list that shrank
// since its link was made) shows the last page rather than an empty one, and an empty list has one page.
export type PageWindow = { page: number; pages: number; offset: number; limit: number };

export function pageWindow(total: number, requested: number, perPage: number): PageWindow {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pages);
  return { page, pages, offset: (page - 1) * perPage, limit: perPage };
}

// The page links worth showing: the first, the last, and two on each side of the current one, with
// null where pages are skipped ("1 … 4 5 6 7 8 … 40").
export function pageLinks(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return shown.flatMap((p, i) => (i > 0 && p - shown[i - 1] > 1 ? [null, p] : [p]));
}
