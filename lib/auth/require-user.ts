import { redirect } from "next/navigation";
import type { Session } from "next-auth";
import { auth } from "./index.ts";

export type SessionUser = Session["user"];

// The proxy already turns away anonymous requests; pages and route handlers check again because a
// proxy matcher that misses a path would otherwise leave it open.
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  return session?.user?.email ? session.user : null;
}

export async function requireUser(callbackUrl = "/"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return user;
}
