import type { IncidentSummary } from "@/lib/views/incident.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { IncidentCard } from "./incident-card.tsx";

const FULL_RESOLVED = 3;

export function IncidentPanel({ incidents }: { incidents: IncidentSummary[] }) {
  const active = incidents.filter((i) => i.active);
  const recent = incidents.filter((i) => !i.active);
  return (
    <Panel title="Incidents" aside={`${active.length} open · ${recent.length} resolved in the last 7 days`}>
      {incidents.length === 0 ? (
        <Empty>No incidents in the last 7 days. Uptrust opens one when a workload crash-loops, is OOM-killed, cannot pull its image or burns its error budget fast.</Empty>
      ) : (
        <div style={{ display: "grid", gap: 8 }}>
          {active.length === 0 ? <p className={`${s.small} ${s.muted}`} style={{ margin: 0 }}>Nothing open right now.</p> : null}
          {active.map((i) => <IncidentCard key={i.id} incident={i} />)}
          {recent.length > 0 ? <h3 className={`${s.small} ${s.muted}`} style={{ margin: "6px 0 0", fontWeight: 500 }}>Recently resolved</h3> : null}
          {/* The newest resolved ones keep their timeline; older ones are a line each, their page a click away. */}
          {recent.map((i, n) => <IncidentCard key={i.id} incident={i} compact={n >= FULL_RESOLVED} />)}
        </div>
      )}
    </Panel>
  );
}
