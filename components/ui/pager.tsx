import Link from "next/link";
import { pageLinks } from "@/lib/domain/pagination.ts";
import s from "./pager.module.css";

// Page controls as plain links: the page lives in the URL (`param`), so a page can be shared, reloaded and
// walked back with the browser's back button; the other parameters of `search` are kept as they are.
export function Pager({ page, pages, param, search, label, hash = "" }: { page: number; pages: number; param: string; search: string; label: string; hash?: string }) {
  if (pages <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(search);
    if (p === 1) params.delete(param);
    else params.set(param, String(p));
    const q = params.toString();
    return `?${q}${hash}`;
  };
  return (
    <nav aria-label={label} className={s.pager}>
      {page > 1 ? <Link href={href(page - 1)} rel="prev">← previous</Link> : <span aria-hidden="true" className={s.off}>← previous</span>}
      <ol>
        {pageLinks(page, pages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true">…</li>
          ) : (
            <li key={p}>
              {p === page ? <span aria-current="page">{p}</span> : <Link href={href(p)} aria-label={`page ${p}`}>{p}</Link>}
            </li>
          ),
        )}
      </ol>
      {page < pages ? <Link href={href(page + 1)} rel="next">next →</Link> : <span aria-hidden="true" className={s.off}>next →</span>}
      <span className={s.off}>page {page} of {pages}</span>
    </nav>
  );
}
