import type { JWT } from "@auth/core/jwt";
import { decodeIdTokenClaims, type OidcClaims } from "./profile.ts";
import { groupsFromClaims } from "./roles-from-claims.ts";
import type { OidcSettings } from "./provider-settings.ts";

// Uses the provider's refresh token when the access token runs out: the provider then re-confirms the
// person (a disabled account or an ended provider session is refused, and Uptrust signs them out), and
// its current groups come back so roles follow the provider without a new sign-in.

type Discovery = { token_endpoint?: string; userinfo_endpoint?: string; end_session_endpoint?: string; issuer?: string };

const discoveries = new Map<string, { at: number; doc: Discovery }>();

/** The provider's discovery document, cached for 10 minutes. */
export async function discover(issuer: string): Promise<Discovery> {
  const hit = discoveries.get(issuer);
  if (hit && Date.now() - hit.at < 600_000) return hit.doc;
  const res = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`${issuer}/.well-known/openid-configuration answered ${res.status}`);
  const doc = (await res.json()) as Discovery;
  discoveries.set(issuer, { at: Date.now(), doc });
  return doc;
}

// Refresh a minute early so a request never carries an access token that expires in flight.
const EARLY_MS = 60_000;

export function refreshDue(token: JWT, now: number): boolean {
  return Boolean(token.refreshToken && token.accessExpiresAt !== undefined && !token.ended && now >= token.accessExpiresAt - EARLY_MS);
}

// Requests that arrive together (a page and its poll) carry the same refresh token; a provider that
// rotates refresh tokens treats a second use as theft and revokes the grant. So one refresh per token
// runs at a time, and its result is handed to the others for a minute.
const recent = new Map<string, { at: number; result: Promise<Partial<JWT>> }>();

export async function refreshIfDue(token: JWT, settings: OidcSettings, roleClaim: string, now = Date.now()): Promise<JWT> {
  if (!refreshDue(token, now)) return token;
  for (const [key, r] of recent) if (now - r.at > 60_000) recent.delete(key);
  const key = token.refreshToken!;
  let entry = recent.get(key);
  if (!entry) {
    entry = { at: now, result: refreshNow(token, settings, roleClaim, now) };
    recent.set(key, entry);
  }
  return { ...token, ...(await entry.result) };
}

async function refreshNow(token: JWT, settings: OidcSettings, roleClaim: string, now: number): Promise<Partial<JWT>> {
  let doc: Discovery;
  try {
    doc = await discover(settings.issuer);
  } catch (err) {
    // The provider being down is not the person's fault: keep the session and try at the next request.
    console.warn(`[auth] token refresh postponed: ${(err as Error).message}`);
    return {};
  }
  if (!doc.token_endpoint) return { refreshToken: undefined };
  const basic = Buffer.from(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`).toString("base64");
  let res: Response;
  try {
    res = await fetch(doc.token_endpoint, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: token.refreshToken! }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    console.warn(`[auth] token refresh postponed: ${settings.issuer} did not answer (${(err as Error).message})`);
    return {};
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    // invalid_grant: the provider no longer accepts this person or their session; other errors are ours to fix.
    if (body.error === "invalid_grant") return { ended: "provider-refused", refreshToken: undefined };
    console.warn(`[auth] token refresh failed at ${doc.token_endpoint}: ${res.status} ${String(body.error ?? "")} ${String(body.error_description ?? "")}`);
    return {};
  }
  const claims = await freshClaims(body, doc);
  const expiresIn = typeof body.expires_in === "number" ? body.expires_in : 300;
  return {
    refreshToken: typeof body.refresh_token === "string" ? body.refresh_token : token.refreshToken,
    accessExpiresAt: now + expiresIn * 1000,
    ...(claims ? { groups: groupsFromClaims(claims, roleClaim) } : {}),
  };
}

async function freshClaims(body: Record<string, unknown>, doc: Discovery): Promise<OidcClaims | null> {
  const fromIdToken = decodeIdTokenClaims(body.id_token);
  if (Object.keys(fromIdToken).length) return fromIdToken;
  if (!doc.userinfo_endpoint || typeof body.access_token !== "string") return null;
  const res = await fetch(doc.userinfo_endpoint, { headers: { authorization: `Bearer ${body.access_token}` }, signal: AbortSignal.timeout(5_000) }).catch(() => null);
  return res?.ok ? ((await res.json()) as OidcClaims) : null;
}
