import type { Session } from "next-auth";
import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import { sessionCheck } from "@/lib/auth/session-check.ts";
import { isApiPath, isPublicPath } from "@/lib/auth/rules.ts";
import { isShareRequest, shareProxy } from "@/lib/share/share-proxy.ts";

// Every Uptrust page and API route needs a signed-in user. Pages send the browser to /login and back;
// APIs answer 401 so scripts and fetch() calls see a clear status instead of an HTML login page.
function answerAnonymous(req: NextRequest & { auth: Session | null }) {
  if (req.auth) return NextResponse.next();
  const { pathname, search } = req.nextUrl;
  if (isApiPath(pathname)) return NextResponse.json({ error: "sign in required" }, { status: 401 });
  const login = req.nextUrl.clone();
  login.pathname = "/login";
  login.search = "";
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

// With a lazily built config Auth.js hands back the wrapped handler inside a promise, whatever its
// types say; resolving it keeps this correct either way.
const guarded: Promise<NextMiddleware> = Promise.resolve(sessionCheck(answerAnonymous) as unknown as NextMiddleware);

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // Shared incidents need no session: their token is checked by the page, their opening is limited here.
  if (isShareRequest(request.nextUrl.pathname)) return shareProxy(request);
  // Public paths skip the session check entirely, so /api/health answers even when sign-in is misconfigured.
  if (isPublicPath(request.nextUrl.pathname)) return NextResponse.next();
  return (await guarded)(request, event);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
