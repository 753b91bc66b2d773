import { createHash } from "node:crypto";

// A JSON answer that a poller can revalidate: the body's hash is its ETag, and a request whose
// If-None-Match names it gets 304 with no body, so the browser keeps the data it has (React Query keeps
// its cache on a 304 through the browser's HTTP cache) and re-parses and re-renders nothing.
// `private, no-cache`: the browser may store the answer but must ask before every reuse; shared caches
// must not keep it (it is one signed-in person's view).
const CACHE_CONTROL = "private, no-cache";

export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

// If-None-Match may list several tags, or be weak ("W/" prefix: a proxy may have re-encoded the body).
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export function jsonWithEtag(req: Request, value: unknown): Response {
  const body = JSON.stringify(value);
  const etag = etagOf(body);
  const headers = { etag, "cache-control": CACHE_CONTROL, vary: "cookie" };
  if (matchesEtag(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "content-type": "application/json" } });
}
