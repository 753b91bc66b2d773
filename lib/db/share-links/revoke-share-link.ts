import { audit } from "@/lib/auth/audit.ts";
import { prisma } from "@/lib/db/client.ts";
import { mayRevoke } from "@/lib/domain/share-links.ts";

export type RevokeOutcome = { ok: true; revokedAt: Date } | { ok: false; status: 403 | 404 | 409; error: string };

// Revocation takes effect on the link's next open: opening checks revoked_at in the same statement that
// counts the open, so no request in flight slips past it.
export async function revokeShareLink(id: string, user: { id: string; role: string }, now = new Date()): Promise<RevokeOutcome> {
  const link = await prisma().shareLink.findUnique({ where: { id }, select: { createdById: true, incidentId: true, revokedAt: true } });
  if (!link) return { ok: false, status: 404, error: `No share link with id ${id}` };
  if (!mayRevoke(user, link)) return { ok: false, status: 403, error: "Only the person who created this link, or an admin, may revoke it" };
  const { count } = await prisma().shareLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedById: user.id } });
  if (count === 0) {
    return { ok: false, status: 409, error: `This link was already revoked at ${link.revokedAt?.toISOString() ?? "an earlier request"}` };
  }
  await audit(user.id, "share.revoke", `share-link:${id}`, { incidentId: link.incidentId });
  return { ok: true, revokedAt: now };
}
