import { redirect } from "next/navigation";
import { refuseCrossSite } from "./cross-site.ts";
import { currentSession, type SessionUser } from "./require-user.ts";
import { hasRole, type Role } from "./rules.ts";

// The one gate every page and route handler passes. The proxy turns anonymous requests away too, but a
// matcher that misses a path would leave it open, so each handler asks here itself; e2e/gate.spec.ts
// walks app/ and proves every page and route answers 401 or redirects to sign-in without a session.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const refuse = (status: number, error: string, extra: Record<string, string> = {}) => Response.json({ error, ...extra }, { status });

/**
 * For route handlers: the signed-in user holding at least `need`, or the Response that refuses the request.
 * A request that changes something (any method but GET/HEAD/OPTIONS) must also come from Uptrust's own pages.
 */
export async function gateRoute(req: Request, need: Role = "viewer"): Promise<SessionUser | Response> {
  if (!SAFE_METHODS.has(req.method.toUpperCase())) {
    const crossSite = refuseCrossSite(req);
    if (crossSite) return crossSite;
  }
  const session = await currentSession();
  if (!session.user) {
    // The browser's live views read `signedOut` to send the person to the login page with the reason.
    return refuse(401, "sign in required", session.ended ? { signedOut: session.ended } : {});
  }
  if (!hasRole(session.user.role, need)) {
    return refuse(403, `your role is ${session.user.role}; this needs ${need} or above (an admin can change roles under Admin → Users)`);
  }
  return session.user;
}

/** For pages: the signed-in user holding at least `need`; otherwise the browser is sent to sign in, or told why not. */
export async function gatePage(path: string, need: Role = "viewer"): Promise<SessionUser> {
  const session = await currentSession();
  if (!session.user) {
    const query = new URLSearchParams({ callbackUrl: path });
    if (session.ended) query.set("signedOut", session.ended);
    redirect(`/login?${query}`);
  }
  if (!hasRole(session.user.role, need)) redirect(`/denied?${new URLSearchParams({ need, from: path })}`);
  return session.user;
}
