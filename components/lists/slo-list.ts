import { sloCounts, type SloCounts } from "@/lib/domain/cluster-summary.ts";
import { listPage, type ListPage } from "@/lib/domain/list-page.ts";
import { sloState, type SloState } from "@/lib/domain/slo-order.ts";
import type { SloCardData } from "@/lib/views/slo.ts";

export type SloList = { counts: SloCounts; alert: SloState | null; list: ListPage<SloCardData> };

// The /slos page from every SLO of its scope, already trouble first (readSloCards): the counts per state
// are the clusters' summary's over all of them, whichever state is chosen; then one page of the chosen.
export function sloList(slos: readonly SloCardData[], alert: SloState | null, page: number): SloList {
  const shown = alert ? slos.filter((slo) => sloState(slo) === alert) : slos;
  return { counts: sloCounts([...slos]), alert, list: listPage(shown, page) };
}
