import { getIncident } from "@/lib/db/queries/get-incident.ts";
import { readBudgets } from "@/lib/db/queries/get-postmortem.ts";
import { readClusterNames } from "@/lib/db/share-links/read-cluster-names.ts";
import { shareView, type ShareRedaction } from "@/lib/domain/share-redaction.ts";
import type { ShareView } from "@/lib/domain/shared-incident.ts";

// One incident as a share link shows it, read fresh each time so an open page follows the incident;
// null when the incident is gone.
export async function readSharedView(incidentId: string, view: ShareView, now = new Date()): Promise<ShareRedaction | null> {
  const detail = await getIncident(incidentId, now);
  if (!detail) return null;
  const i = detail.incident;
  const [budgets, known] = await Promise.all([
    readBudgets(incidentId, new Date(i.startedAt), new Date(i.resolvedAt ?? detail.asOf)),
    view === "external" ? readClusterNames(incidentId) : undefined,
  ]);
  return shareView(detail, budgets, view, known);
}
