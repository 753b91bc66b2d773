import { NextResponse, type NextRequest } from "next/server";
import { clientAddress, slidingWindow } from "./rate-limit.ts";
import { SHARE_HEADERS } from "./share-headers.ts";

// Every request for a shared incident, the page and its live data alike, passes here before anything
// else: one limiter in one place, so refreshing and guessing are counted together per address.
const OPENS_PER_MINUTE = 30;
const limiter = slidingWindow({ limit: OPENS_PER_MINUTE, windowMs: 60_000 });

export function isShareRequest(pathname: string): boolean {
  return pathname.startsWith("/share/") || pathname.startsWith("/api/share/");
}

// `forwarded`: the request headers carrying this response's CSP nonce on to the page (proxy.ts).
export function shareProxy(request: NextRequest, forwarded: Headers): NextResponse {
  const verdict = limiter.take(clientAddress(request.headers), Date.now());
  const response = verdict.ok ? NextResponse.next({ request: { headers: forwarded } }) : tooMany(request.nextUrl.pathname, verdict.retryAfterSeconds);
  for (const [name, value] of Object.entries(SHARE_HEADERS)) response.headers.set(name, value);
  return response;
}

function tooMany(pathname: string, seconds: number): NextResponse {
  const error = `Too many share links opened from your address: at most ${OPENS_PER_MINUTE} a minute. Try again in ${seconds} s.`;
  const headers = { "retry-after": String(seconds) };
  if (pathname.startsWith("/api/")) return NextResponse.json({ error }, { status: 429, headers });
  return new NextResponse(error, { status: 429, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}
