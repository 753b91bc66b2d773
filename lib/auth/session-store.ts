import { prisma } from "@/lib/db/client.ts";
import { env } from "@/lib/env.ts";
import type { Role } from "./rules.ts";
import { activityWorthRecording, expiryFor, sessionEndReason, type EndReason, type SessionLimits } from "./session-rules.ts";

// Server-side sessions. The encrypted session cookie only names a row here; the row decides whether
// the session is live, so sign-out, revocation and timeouts take effect on the very next request.

export type LiveUser = { id: string; email: string; name: string; role: Role; groups: string[] };
export type SessionRead = { user: LiveUser; ended?: undefined } | { user: null; ended: EndReason };

export function sessionLimits(): SessionLimits {
  const e = env();
  return { idleMinutes: e.UPTRUST_SESSION_IDLE_MINUTES, maxHours: e.UPTRUST_SESSION_MAX_HOURS };
}

/** Opens a session for a user who has just signed in (lib/auth/record-sign-in.ts recorded them). */
export async function startSession(
  email: string,
  meta: { address: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ sid: string; user: LiveUser }> {
  const u = await prisma().user.findUniqueOrThrow({ where: { email } });
  const row = await prisma().userSession.create({
    data: {
      userId: u.id,
      createdAt: now,
      lastActiveAt: now,
      expiresAt: expiryFor(now, sessionLimits()),
      address: meta.address?.slice(0, 100) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { sid: row.id, user: { id: u.id, email: u.email, name: u.name ?? u.email, role: u.role, groups: u.groups } };
}

/**
 * The live user behind a session id with their current role, or why the session is over. `active`
 * says a person did something; background polling passes false so an open tab cannot keep itself alive.
 */
export async function readSession(sid: string, active: boolean, now = new Date()): Promise<SessionRead> {
  const row = await prisma().userSession.findUnique({ where: { id: sid }, include: { user: true } });
  if (!row) return { user: null, ended: "revoked" };
  const ended = sessionEndReason(row, now, sessionLimits());
  if (ended) {
    if (!row.endedAt) await endSession(sid, ended, null, now);
    return { user: null, ended };
  }
  if (active && activityWorthRecording(row.lastActiveAt, now)) {
    await prisma().userSession.updateMany({ where: { id: sid, endedAt: null }, data: { lastActiveAt: now } });
  }
  const u = row.user;
  return { user: { id: u.id, email: u.email, name: u.name ?? u.email, role: u.role, groups: u.groups } };
}

/** Ends one session; `byUserId` is the admin who revoked it, if one did. Ending an ended session changes nothing. */
export async function endSession(sid: string, reason: EndReason, byUserId: string | null = null, now = new Date()): Promise<boolean> {
  const { count } = await prisma().userSession.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: now, endReason: reason } });
  if (count) {
    const row = await prisma().userSession.findUnique({ where: { id: sid }, include: { user: { select: { email: true } } } });
    await prisma().auditLog.create({
      data: { userId: byUserId ?? row?.userId ?? null, action: `session.${reason}`, target: `user:${row?.user.email ?? "unknown"}`, detail: { session: sid }, at: now },
    });
  }
  return count > 0;
}

/** Ends every live session of a user (an admin's revocation); returns how many were live. */
export async function endUserSessions(userId: string, reason: EndReason, byUserId: string | null, now = new Date()): Promise<number> {
  const live = await prisma().userSession.findMany({ where: { userId, endedAt: null }, select: { id: true } });
  let ended = 0;
  for (const s of live) if (await endSession(s.id, reason, byUserId, now)) ended++;
  return ended;
}
