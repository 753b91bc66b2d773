// Pure: when a server-side session has ended, and how the login page tells its person why.

export type EndReason = "signed-out" | "idle" | "expired" | "revoked" | "provider-refused" | "role-refused";

export const END_REASONS: readonly EndReason[] = ["signed-out", "idle", "expired", "revoked", "provider-refused", "role-refused"];

export type SessionLimits = { idleMinutes: number; maxHours: number };

export type SessionTimes = { endedAt: Date | null; endReason: string | null; lastActiveAt: Date; expiresAt: Date };

/** Why the session is over at `now`, or null while it is live. An ended row keeps the reason it ended with. */
export function sessionEndReason(s: SessionTimes, now: Date, limits: SessionLimits): EndReason | null {
  if (s.endedAt) return END_REASONS.includes(s.endReason as EndReason) ? (s.endReason as EndReason) : "revoked";
  if (now >= s.expiresAt) return "expired";
  if (now.getTime() - s.lastActiveAt.getTime() >= limits.idleMinutes * 60_000) return "idle";
  return null;
}

// Activity is written at most every 15 s: a person clicking around should not cost a write per request,
// and 15 s is nothing against a 30-minute idle limit.
export function activityWorthRecording(lastActiveAt: Date, now: Date): boolean {
  return now.getTime() - lastActiveAt.getTime() >= 15_000;
}

export function expiryFor(start: Date, limits: SessionLimits): Date {
  return new Date(start.getTime() + limits.maxHours * 3_600_000);
}

const hours = (h: number) => (h === 1 ? "1 hour" : `${Number.isInteger(h) ? h : h.toFixed(1)} hours`);

/** The sentence the login page shows someone whose session ended. */
export function describeSignOut(reason: string | undefined, limits: SessionLimits): string | undefined {
  switch (reason) {
    case "signed-out":
      return "You signed out. Sign in again to continue.";
    case "idle":
      return `You were signed out after ${limits.idleMinutes} minutes without activity. Sign in again to continue where you were.`;
    case "expired":
      return `Sessions last at most ${hours(limits.maxHours)}, and yours reached that. Sign in again to continue.`;
    case "revoked":
      return "An administrator ended your session. Sign in again; if that is refused, ask them why.";
    case "provider-refused":
      return "Your identity provider no longer accepts your sign-in (your account or its session there has ended), so Uptrust signed you out.";
    case "role-refused":
      return "Your groups at your identity provider no longer give you a role in Uptrust, so you were signed out. Ask your administrator.";
    default:
      return undefined;
  }
}
