import Link from "next/link";
import type { SloCounts } from "@/lib/domain/cluster-summary.ts";
import type { SloCardData } from "@/lib/views/slo.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { SloCard } from "./slo-card.tsx";
import { SloEditor } from "./slo-editor.tsx";

type Props = {
  /** The first cards, trouble first. */
  slos: SloCardData[];
  /** Every SLO of the scope, by state: the heading counts these, not the cards shown. */
  counts: SloCounts;
  /** The full list for the same scope. */
  allHref: string;
  canEdit: boolean;
};

// The editor is left out for viewers: the server would refuse what they sent, so the form would only mislead.
export function SloPanel({ slos, counts, allHref, canEdit }: Props) {
  const total = counts.paging + counts.ticketing + counts.healthy + counts.waiting;
  return (
    <Panel title="SLO burn" aside={`${total.toLocaleString("en-US")} SLOs${counts.paging ? ` · ${counts.paging} paging` : ""} · hourly burn, last 24 cluster-hours`}>
      {total === 0 ? (
        <Empty>No SLOs yet: the analyzer creates an availability SLO for each Deployment once it has seen one.</Empty>
      ) : (
        <div className={s.cards}>
          {slos.map((slo) => <SloCard key={slo.id} slo={slo} />)}
        </div>
      )}
      {total > slos.length ? (
        <p className={s.small} data-testid="slo-panel-more">
          Showing {slos.length} of {total.toLocaleString("en-US")}, most troubled first. <Link href={allHref}>All SLOs, by state →</Link>
        </p>
      ) : null}
      {canEdit ? <SloEditor /> : null}
    </Panel>
  );
}
