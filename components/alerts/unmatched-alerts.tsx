import type { UnmatchedAlerts as UnmatchedAlertsView } from "@/lib/views/unmatched-alert.ts";
import { formatUtc } from "../format.ts";
import { ListTable } from "../lists/list-table.tsx";
import { Badge } from "../ui/badge.tsx";
import { Panel } from "../ui/panel.tsx";

const COLUMNS = [{ label: "alert" }, { label: "cluster" }, { label: "status" }, { label: "why it opens no incident" }, { label: "last received" }];

// For admins on /clusters: alerts the team's Alertmanager sent that Uptrust could not place on a workload,
// with the reason the reply to Alertmanager gave, so a wrong label or an unregistered cluster is fixed.
export function UnmatchedAlerts({ alerts }: { alerts: UnmatchedAlertsView }) {
  if (alerts.total === 0) return null;
  const shown = alerts.recent.length < alerts.total ? `${alerts.recent.length} latest of ${alerts.total}` : `${alerts.total}`;
  return (
    <Panel title="Alertmanager alerts on no known workload" aside={`${shown} in the last 7 days · times in UTC`}>
      <ListTable testId="unmatched-alerts" columns={COLUMNS}>
        {alerts.recent.map((a, i) => (
          <tr key={i} data-testid="unmatched-alert">
            <td>{a.alertname}</td>
            <td>{a.cluster ?? "none"}</td>
            <td><Badge tone={a.status === "firing" ? "warn" : "ok"}>{a.status}</Badge></td>
            <td>{a.problem}</td>
            <td>{formatUtc(a.lastReceivedAt)}</td>
          </tr>
        ))}
      </ListTable>
    </Panel>
  );
}
