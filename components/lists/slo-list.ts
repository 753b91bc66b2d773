import { sloCounts, type SloCounts } from "@/lib/domain/cluster-summary.ts";
import { listPage, type ListPage } from "@/lib/domain/list-page.ts";
import { sloState, type SloState } from "@/lib/domain/slo-order.ts";
import type { SloCardData, SloHeadline } from "@/lib/views/slo.ts";

export type SloList<S extends SloHeadline = SloCardData> = { counts: SloCounts; alert: SloState | null; list: ListPage<S> };

// The /slos page from every SLO of its scope, already trouble first (readSloHeadlines): the counts per state
// are the clusters' summary's over all of them, whichever state is chosen; then one page of the chosen. The
// page passes headlines, then reads whole cards for the page shown (withCards).
export function sloList<S extends SloHeadline>(slos: readonly S[], alert: SloState | null, page: number): SloList<S> {
  const shown = alert ? slos.filter((slo) => sloState(slo) === alert) : slos;
  return { counts: sloCounts(slos), alert, list: listPage(shown, page) };
}

/** The ids of the SLOs the list's page shows, in its order. */
export const pageSloIds = (view: SloList<SloHeadline>) => view.list.rows.map((s) => s.id);

/** The list with its page's whole cards in their place; an SLO deleted between the two reads drops out. */
export function withCards(view: SloList<SloHeadline>, cards: readonly SloCardData[]): SloList {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const rows = view.list.rows.flatMap((s) => byId.get(s.id) ?? []);
  return { ...view, list: { ...view.list, rows } };
}
