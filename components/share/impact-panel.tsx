import type { SharedIncident } from "@/lib/domain/shared-incident.ts";
import { formatDuration, formatPercent, formatUtc } from "../format.ts";
import { Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";

// What the incident cost: how long it lasted, how often it came back, and each SLO's error budget spent.
export function ImpactPanel({ view }: { view: SharedIncident }) {
  const i = view.incident;
  return (
    <Panel title="Impact" aside={`as of ${formatUtc(view.asOf)}`}>
      <ul className={s.small} style={{ margin: 0, paddingLeft: 18 }} data-testid="share-impact">
        <li>
          {i.active ? "Ongoing for" : "Lasted"} {formatDuration(i.durationSeconds)}
          {i.occurrences.count > 1 ? `, occurring ${i.occurrences.count} times` : ""}.
        </li>
        {view.impact.length === 0 ? (
          <li className={s.muted}>No SLO of this workload has been evaluated, so no error budget is charged to it.</li>
        ) : null}
        {view.impact.map((b) => (
          <li key={b.slo}>
            {b.slo} SLO:{" "}
            {b.spent === null ? `${b.badEvents} bad events` : `${formatPercent(b.spent)} of its ${b.window} error budget spent`}
            {b.spent !== null ? <span className={s.muted}> ({b.badEvents} bad events)</span> : null}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
