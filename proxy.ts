import type { Session } from "next-auth";
import { NextRequest, NextResponse, type NextFetchEvent, type NextMiddleware } from "next/server";
import { sessionCheck } from "@/lib/auth/session-check.ts";
import { arrivedOverHttps, contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/auth/response-policy.ts";
import { isApiPath, isPublicPath } from "@/lib/auth/rules.ts";
import { isShareRequest, shareProxy } from "@/lib/share/share-proxy.ts";

// Every Uptrust page and API route needs a signed-in user. Pages send the browser to /login and back;
// APIs answer 401 so scripts and fetch() calls see a clear status instead of an HTML login page.
function answerAnonymous(req: NextRequest & { auth: Session | null }) {
  // The request's headers carry this response's nonce on to the page that renders it.
  if (req.auth) return NextResponse.next({ request: { headers: req.headers } });
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
  // Next reads the nonce from the forwarded request's CSP header and puts it on every script it renders.
  // Server components that add a script of their own read it from x-nonce.
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", policy);
  forwarded.set("x-nonce", nonce);
  // Shared incidents need no session: their token is checked by the page, their opening is limited here.
  // Public paths skip the session check entirely, so /api/health answers even when sign-in is misconfigured.
  const response = isShareRequest(request.nextUrl.pathname)
    ? shareProxy(request, forwarded)
    : isPublicPath(request.nextUrl.pathname)
    ? NextResponse.next({ request: { headers: forwarded } })
    : await (await guarded)(new NextRequest(request, { headers: forwarded }), event);
  if (!response) return response;
  response.headers.set("content-security-policy", policy);
  if (arrivedOverHttps(request.url, request.headers)) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
