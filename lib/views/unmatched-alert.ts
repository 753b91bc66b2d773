/** An Alertmanager alert that opens no incident, as admins see it on /clusters (lib/db/alerts/list-unmatched-alerts.ts). */
export type UnmatchedAlert = {
  alertname: string;
  /** The registered cluster it was matched to, else its `cluster` label; null when it had none. */
  cluster: string | null;
  /** Why it opens no incident, in the words the reply to Alertmanager used. */
  problem: string;
  status: "firing" | "resolved";
  /** When Alertmanager last sent it (UTC ISO). */
  lastReceivedAt: string;
};

export type UnmatchedAlerts = { total: number; recent: UnmatchedAlert[] };
