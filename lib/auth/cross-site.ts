// Mutations refuse requests another site made the browser send with the user's cookie. SameSite=Lax alone
// lets a page on another origin of the same site (another port or subdomain) post as the signed-in user.
// Browsers say who started a request: Sec-Fetch-Site (all current browsers), else Origin. A request with
// neither comes from a script or CLI, which holds the session only if its user handed it over.

export type HeaderSource = { get(name: string): string | null };

/** Why this request must be refused as cross-site, or null when it came from Uptrust's own pages. */
export function crossSiteReason(headers: HeaderSource): string | null {
  const site = headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return null;
  if (site) return `a ${site} request may not change anything in Uptrust; use Uptrust's own pages`;
  const origin = headers.get("origin");
  if (!origin) return null;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  return originHost !== null && originHost === host ? null : `a request from ${origin} may not change anything in Uptrust; use Uptrust's own pages`;
}

/** The 403 a mutation answers to a cross-site request, or null to go on. */
export function refuseCrossSite(req: Request): Response | null {
  const reason = crossSiteReason(req.headers);
  return reason ? Response.json({ error: reason }, { status: 403 }) : null;
}
