import { findShareLink, openShareLink } from "@/lib/db/share-links/open-share-link.ts";
import type { SharedIncident } from "@/lib/domain/shared-incident.ts";
import { readSharedView } from "./shared-view.ts";

/** What /share/TOKEN shows and /api/share/TOKEN serves. */
export type SharedPage = { incident: SharedIncident; expiresAt: string; sharedBy: string };

/** `opening`: a person loading the page (counted and audited, from `address`); otherwise the page refreshing. */
export async function loadSharedPage(token: string, opening: { address: string } | null, now = new Date()): Promise<SharedPage | null> {
  const link = opening ? await openShareLink(token, opening.address, now) : await findShareLink(token, now);
  if (!link) return null;
  const view = await readSharedView(link.incidentId, link.view, now);
  if (!view) return null;
  return { incident: view.incident, expiresAt: link.expiresAt.toISOString(), sharedBy: link.sharedBy };
}
