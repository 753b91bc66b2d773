/** What names an incident wherever it is shown: its card, its page, a shared page. */
export type IncidentHeadline = {
  title: string;
  reason: string;
  severity: string;
  status: string;
  active: boolean;
  cluster: string;
  workload: { namespace: string; name: string; kind: string } | null;
};
