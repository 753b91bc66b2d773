import { getIncident } from "@/lib/db/queries/get-incident.ts";
import { readBudgets } from "@/lib/db/queries/get-postmortem.ts";
import { shareView, type ShareRedaction } from "@/lib/domain/share-redaction.ts";
import type { ShareView } from "@/lib/domain/shared-incident.ts";

// One incident as a share link shows it, read fresh each time so an open page follows the incident;
// null when the incident is gone.
export async function readSharedView(incidentId: string, view: ShareView, now = new Date()): Promise<ShareRedaction | null> {
  const detail = await getIncident(incidentId, now);
  if (!detail) return null;
  const i = detail.incident;
  const budgets = await readBudgets(incidentId, new Date(i.startedAt), new Date(i.resolvedAt ?? detail.asOf));
  return shareView(detail, budgets, view);
}
