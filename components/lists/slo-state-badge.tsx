import type { SloState } from "@/lib/domain/slo-order.ts";
import { Badge, type Tone } from "../ui/badge.tsx";

// An SLO's state as the card and the /slos list both word it: red for a page, amber for a ticket, and the
// healthy and waiting states named too, so every card and every row of the table reads the same.
export const SLO_STATE_LABEL: Record<SloState, string> = { page: "page", ticket: "ticket", healthy: "healthy", waiting: "waiting for first evaluation" };
const TONE: Record<SloState, Tone> = { page: "bad", ticket: "warn", healthy: "ok", waiting: "neutral" };
const TITLE: Record<SloState, string> = {
  page: "Fast burn: both windows above the paging rate",
  ticket: "Slow burn: worth a ticket, not a page",
  healthy: "Evaluated, and no burn-rate alert fires",
  waiting: "The analyzer has not evaluated this SLO yet",
};

export function SloStateBadge({ state }: { state: SloState }) {
  return <Badge tone={TONE[state]} title={TITLE[state]}>{SLO_STATE_LABEL[state]}</Badge>;
}
