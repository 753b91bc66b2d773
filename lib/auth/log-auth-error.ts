// Auth.js logs sign-in failures by class name only ("OAuthCallbackError"), which leaves an operator
// guessing. This prints what the provider actually said, and both values of an issuer mismatch.

type Cause = Record<string, unknown> & { err?: unknown; expected?: unknown; body?: unknown; attribute?: unknown };

const text = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

// A production build minifies class names ("OAuthCallbackError" becomes "v"): Auth.js errors keep their
// kind in `type`, and the OpenID client library's errors a stable `code`.
function kind(error: Error): string {
  const { type, code } = error as { type?: unknown; code?: unknown };
  if (typeof type === "string") return type;
  if (typeof code === "string") return code;
  return error.name;
}

// An OAuth error response (RFC 6749 §4.1.2.1, §5.2): error, and optionally error_description and error_uri.
function providerAnswer(c: Record<string, unknown>): string | null {
  if (typeof c.error !== "string") return null;
  const description = c.error_description ? ` (${text(c.error_description)})` : "";
  return `[auth] the provider answered error=${c.error}${description}${c.error_uri ? ` see ${text(c.error_uri)}` : ""}`;
}

/** The lines an operator needs for an Auth.js error: its kind, the provider's own words, and mismatched values. */
export function describeAuthError(error: Error): string[] {
  const lines = [`[auth] ${kind(error)}: ${error.message}`];
  const seen = new Set<unknown>([error]);
  let cause: unknown = error;
  while (cause && typeof cause === "object") {
    const c = cause as Cause;
    const answer = providerAnswer(c);
    if (answer) lines.push(answer);
    if (c.attribute === "issuer" || (c.expected !== undefined && c.body && typeof c.body === "object" && "issuer" in c.body)) {
      const actual = c.body && typeof c.body === "object" ? (c.body as Record<string, unknown>).issuer : undefined;
      lines.push(
        `[auth] issuer mismatch: AUTH_OIDC_ISSUER is ${text(c.expected)} but the provider's discovery document says ${text(actual)}; ` +
          "set AUTH_OIDC_ISSUER to the provider's value exactly",
      );
    }
    if (c instanceof Error && c !== error) lines.push(`[auth] because ${kind(c)}: ${c.message}`);
    const next = c instanceof Error ? c.cause : (c.err ?? (c as { cause?: unknown }).cause);
    if (seen.has(next)) break;
    seen.add(next);
    cause = next;
  }
  // The OpenID client library's errors carry the provider's answer both as properties and as their cause.
  return [...new Set(lines)];
}

/**
 * Auth.js throws OAuthCallbackError without the provider's error response (it passes the response as
 * the Error's options, not as its cause) and reports that response only to the debug logger, as
 * debug("OAuthCallbackError", { error, error_description, ... }). This turns that report into a log line.
 */
export function describeAuthDebug(message: string, metadata: unknown): string[] {
  if (message !== "OAuthCallbackError" || !metadata || typeof metadata !== "object") return [];
  const answer = providerAnswer(metadata as Record<string, unknown>);
  return answer ? [answer] : [];
}
