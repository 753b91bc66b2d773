import type { AdminUser } from "@/lib/auth/admin-views.ts";
import type { RoleSource } from "@/lib/auth/roles-from-claims.ts";
import { prisma } from "../client.ts";

/**
 * Every user with their role, its source, groups, last sign-in and live sessions. A session counts as live
 * while it would still let its person in: not ended, not past its absolute expiry, not idle past `idleMinutes`
 * (such a session ends at its next request, so counting it would overstate who can still act).
 */
export async function listUsers(now: Date, idleMinutes: number): Promise<AdminUser[]> {
  const activeSince = new Date(now.getTime() - idleMinutes * 60_000);
  const rows = await prisma().user.findMany({
    orderBy: { email: "asc" },
    include: { _count: { select: { sessions: { where: { endedAt: null, expiresAt: { gt: now }, lastActiveAt: { gt: activeSince } } } } } },
  });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    roleSource: u.roleSource as RoleSource,
    groups: u.groups,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    liveSessions: u._count.sessions,
  }));
}
