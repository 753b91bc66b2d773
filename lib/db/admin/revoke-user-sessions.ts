import { endUserSessions } from "@/lib/auth/session-store.ts";
import { prisma } from "../client.ts";

export type RevokeOutcome = { ok: true; email: string; ended: number } | { ok: false; status: 404; error: string };

/** An admin ends every live session of a person: each is refused from its next request and audited as session.revoked. */
export async function revokeUserSessions(userId: string, adminId: string, now = new Date()): Promise<RevokeOutcome> {
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return { ok: false, status: 404, error: `No user has the id ${userId}; reload Admin → Users to see who there is.` };
  return { ok: true, email: user.email, ended: await endUserSessions(userId, "revoked", adminId, now) };
}
