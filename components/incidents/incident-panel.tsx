import Link from "next/link";
import { incidentWindowText, type IncidentCounts } from "@/lib/domain/incident-order.ts";
import type { CockpitIncident } from "@/lib/views/incident.ts";
import type { TimeRange } from "@/lib/views/scope.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { IncidentCard } from "./incident-card.tsx";

type Props = {
  /** The open incidents that need someone most, then the newest resolved (lib/domain/cockpit-assembly.ts). */
  incidents: CockpitIncident[];
  /** Every incident of the scope: the heading counts these, not the cards shown. */
  counts: IncidentCounts;
  /** /incidents for the same scope. */
  allHref: string;
  /** The scope's time range: which incidents the counts speak of. */
  range: TimeRange;
};

const count = (n: number) => n.toLocaleString("en-US");

export function IncidentPanel({ incidents, counts, allHref, range }: Props) {
  const active = incidents.filter((i) => i.active);
  const recent = incidents.filter((i) => !i.active);
  const total = counts.open + counts.resolved;
  return (
    <Panel title="Incidents" aside={`${count(counts.open)} open · ${count(counts.resolved)} resolved ${incidentWindowText(range)}`}>
      {total === 0 ? (
        <Empty>No incidents {incidentWindowText(range)}. Uptrust opens one when a workload crash-loops, is OOM-killed, cannot pull its image or burns its error budget fast.</Empty>
      ) : (
        <div style={{ display: "grid", gap: 8 }}>
          {counts.open === 0 ? <p className={`${s.small} ${s.muted}`} style={{ margin: 0 }}>Nothing open right now.</p> : null}
          {active.map((i) => <IncidentCard key={i.id} incident={i} />)}
          {recent.length > 0 ? <h3 className={`${s.small} ${s.muted}`} style={{ margin: "6px 0 0", fontWeight: 500 }}>Recently resolved</h3> : null}
          {/* The newest resolved ones keep their timeline; older ones are a line each, their page a click away. */}
          {recent.map((i) => <IncidentCard key={i.id} incident={i} />)}
        </div>
      )}
      {total > incidents.length ? (
        <p className={s.small} data-testid="incident-panel-more">
          Showing {incidents.length} of {count(total)}, open and most severe first. <Link href={allHref}>All incidents →</Link>
        </p>
      ) : null}
    </Panel>
  );
}
