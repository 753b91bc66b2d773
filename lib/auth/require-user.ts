import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "./index.ts";
import { oidcSettings } from "./provider-settings.ts";
import { recordSignIn } from "./record-sign-in.ts";
import { endSession, readSession, type LiveUser, type SessionRead } from "./session-store.ts";

export type SessionUser = LiveUser;

// Live views poll with this header; only requests without it (a person loading a page, clicking,
// typing) count as activity for the idle timeout.
export const BACKGROUND_HEADER = "x-uptrust-background"; // sent by components/api/api-client.ts

// The signed cookie is checked by Auth.js, then its server-side row: the row decides whether the
// session is still live and which role its user holds now. Cached per request (layout, menu and page ask).
export const currentSession = cache(async (): Promise<SessionRead | { user: null; ended?: undefined }> => {
  const session = await auth();
  if (!session?.sid) return { user: null };
  if (session.ended) {
    await endSession(session.sid, session.ended);
    return { user: null, ended: session.ended };
  }
  const active = (await headers()).get(BACKGROUND_HEADER) !== "1";
  const read = await readSession(session.sid, active);
  if (!read.user || !session.groups || sameGroups(session.groups, read.user.groups)) return read;
  return reconsiderRole(session.sid, read.user, session.groups);
});

const sameGroups = (a: string[], b: string[]) => a.length === b.length && a.every((g, i) => g === b[i]);

// A token refresh brought the provider's current groups: the role follows them now, or the session ends
// when they no longer give any role.
async function reconsiderRole(sid: string, user: LiveUser, groups: string[]): Promise<SessionRead> {
  const settings = oidcSettings();
  const outcome = await recordSignIn({ email: user.email, name: null, issuer: settings.issuer, groups, development: settings.development, refresh: true });
  if ("refused" in outcome) {
    await endSession(sid, "role-refused");
    return { user: null, ended: "role-refused" };
  }
  return { user: { ...user, role: outcome.user.role, groups } };
}

export async function currentUser(): Promise<SessionUser | null> {
  return (await currentSession()).user;
}
