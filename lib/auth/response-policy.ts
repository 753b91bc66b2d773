import type { HeaderSource } from "./cross-site.ts";

// The headers that differ per request, set by the proxy on every response: the Content-Security-Policy
// with this response's script nonce, and HSTS when the browser reached Uptrust over https.

/** A fresh script nonce: 16 random bytes (128 bits), base64, so an injected script cannot guess it. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * Scripts run only with this response's nonce; 'strict-dynamic' lets those scripts load the chunks they
 * need. Styles stay 'unsafe-inline' because components set style attributes, which nonces cannot cover.
 * There is deliberately no form-action: Chromium applies it to the redirect from the sign-in form to the
 * identity provider, and sign-in would break. `next dev` needs 'unsafe-eval' for its error overlay.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  const scripts = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

// A year, subdomains included: the usual value for a site that must only ever be reached over https.
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * Whether the browser reached Uptrust over https: directly, or through a proxy that says so in
 * X-Forwarded-Proto (its first value is the client's side). HSTS sent over plain http would be ignored
 * by browsers at best, and on localhost would pin every other local port to https.
 */
export function arrivedOverHttps(url: string, headers: HeaderSource): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https" || new URL(url).protocol === "https:";
}
