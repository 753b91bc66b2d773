import type { Severity } from "@/lib/domain/incident-lifecycle.ts";
import { incidentCounts, incidentState, severityCounts, type IncidentCounts, type IncidentState, type SeverityCount } from "@/lib/domain/incident-order.ts";
import { listPage, type ListPage } from "@/lib/domain/list-page.ts";
import type { IncidentListItem } from "@/lib/views/incident.ts";

export type IncidentList = {
  /** Open and resolved among the incidents of the chosen severity (all of the scope when none is chosen). */
  counts: IncidentCounts;
  /** Each severity among the incidents of the chosen state. */
  severities: SeverityCount[];
  state: IncidentState | null;
  severity: Severity | null;
  list: ListPage<IncidentListItem>;
};

// The /incidents page from every incident of its scope, already in byUrgency order (readIncidentList). Each
// filter link counts the rows it would list: a state's count within the chosen severity, a severity's within
// the chosen state, so with neither chosen the counts are the cockpit panel's heading's.
export function incidentList(incidents: readonly IncidentListItem[], state: IncidentState | null, severity: Severity | null, page: number): IncidentList {
  const ofSeverity = severity ? incidents.filter((i) => i.severity === severity) : incidents;
  const ofState = state ? incidents.filter((i) => incidentState(i) === state) : incidents;
  const shown = state ? ofSeverity.filter((i) => incidentState(i) === state) : ofSeverity;
  return { counts: incidentCounts(ofSeverity), severities: severityCounts(ofState), state, severity, list: listPage(shown, page) };
}
