// Auth.js logs sign-in failures by class name only ("OAuthCallbackError"), which leaves an operator
// guessing. This prints what the provider actually said, and both values of an issuer mismatch.

type Cause = Record<string, unknown> & { err?: unknown; expected?: unknown; body?: unknown; attribute?: unknown };

const text = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/** The lines an operator needs for an Auth.js error: its kind, the provider's own words, and mismatched values. */
export function describeAuthError(error: Error): string[] {
  const lines = [`[auth] ${error.name}: ${error.message}`];
  const seen = new Set<unknown>();
  let cause = (error as { cause?: unknown }).cause;
  while (cause && typeof cause === "object" && !seen.has(cause)) {
    seen.add(cause);
    const c = cause as Cause;
    if (typeof c.error === "string") {
      lines.push(`[auth] the provider answered error=${c.error}${c.error_description ? ` (${text(c.error_description)})` : ""}${c.error_uri ? ` see ${text(c.error_uri)}` : ""}`);
    }
    if (c.attribute === "issuer" || (c.expected !== undefined && c.body && typeof c.body === "object" && "issuer" in c.body)) {
      const actual = c.body && typeof c.body === "object" ? (c.body as Record<string, unknown>).issuer : undefined;
      lines.push(`[auth] issuer mismatch: AUTH_OIDC_ISSUER is ${text(c.expected)} but the provider's discovery document says ${text(actual)}; set AUTH_OIDC_ISSUER to the provider's value exactly`);
    }
    if (c instanceof Error) lines.push(`[auth] because ${c.name}: ${c.message}`);
    cause = c instanceof Error ? c.cause : (c.err ?? (c as { cause?: unknown }).cause);
  }
  return lines;
}
