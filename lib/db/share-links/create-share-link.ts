import { audit } from "@/lib/auth/audit.ts";
import { newShareToken } from "@/lib/auth/share-token.ts";
import { prisma } from "@/lib/db/client.ts";
import { shareExpiry, type ShareLinkRequest } from "@/lib/domain/share-links.ts";

export type CreatedShareLink = { id: string; token: string; expiresAt: Date };

// The token leaves Uptrust here, once: only its hash is stored, so it cannot be shown again. Null when
// the incident does not exist.
export async function createShareLink(
  incidentId: string,
  createdById: string,
  request: ShareLinkRequest,
  now = new Date(),
): Promise<CreatedShareLink | null> {
  const incident = await prisma().incident.findUnique({ where: { id: incidentId }, select: { id: true } });
  if (!incident) return null;
  const { token, hash } = newShareToken();
  const expiresAt = shareExpiry(now, request.days);
  const link = await prisma().shareLink.create({
    data: { incidentId, createdById, tokenHash: hash, expiresAt, view: request.view, createdAt: now },
    select: { id: true },
  });
  const detail = { incidentId, view: request.view, days: request.days, expiresAt: expiresAt.toISOString() };
  await audit(createdById, "share.create", `share-link:${link.id}`, detail);
  return { id: link.id, token, expiresAt };
}
