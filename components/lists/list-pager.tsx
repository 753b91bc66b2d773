import { pageRangeText, pastEndText, type ListPage } from "@/lib/domain/list-page.ts";
import { Pager } from "../ui/pager.tsx";
import s from "../ui/styles.module.css";
import l from "./lists.module.css";

// Under a list: which rows this page holds, and links to the others that keep the rest of the URL (`search`).
export function ListPager({ list, noun, search, label }: { list: ListPage<unknown>; noun: string; search: string; label: string }) {
  return (
    <>
      <p className={l.range} data-testid="list-range">{pageRangeText(list, noun)}</p>
      <Pager page={list.page} pages={list.pages} param="page" search={search} label={label} />
    </>
  );
}

/** Said above the rows when the link asked for a page past the end of the list. */
export function PastEndNotice({ list, noun }: { list: ListPage<unknown>; noun: string }) {
  const text = pastEndText(list, noun);
  return text ? <p className={s.notice} role="status" data-testid="past-end">{text}</p> : null;
}
