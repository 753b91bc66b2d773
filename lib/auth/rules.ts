// Pure sign-in rules: no I/O, so they are unit-tested and safe to import from the proxy.

export type Role = "viewer" | "responder" | "admin";

const RANK: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };

// Roles are ordered: an admin may do all a responder may, a responder all a viewer may.
export function hasRole(role: Role, need: Role): boolean {
  return RANK[role] >= RANK[need];
}

const PROBE_ORIGIN = "http://uptrust.invalid";

// After sign-in Uptrust sends the browser back to where it was heading. Only a same-origin relative path
// is accepted: "//evil.example", "/\evil.example", "https://evil.example" or "javascript:" would turn the
// login page into an open redirect, so they fall back to the cockpit.
export function safeCallbackUrl(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//")) return fallback;
  // Browsers read "\" as "/" and drop tabs/newlines inside URLs, so "/\evil" or "/\t/evil" become "//evil".
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  // Coming back to the login page after signing in would only show it again.
  if (url.pathname === "/login" || url.pathname.startsWith("/api/auth/")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

function isUnder(pathname: string, base: string): boolean {
  return pathname === base || pathname.startsWith(`${base}/`);
}

// Paths anyone may open without a session: the sign-in flow itself, the health probe used by
// load balancers, the machine routes that check a bearer token themselves (/metrics, Alertmanager's webhook), share links and their live data (the token is the proof) and Next's static assets.
export function isPublicPath(pathname: string): boolean {
  return (
    isUnder(pathname, "/api/health") ||
    pathname === "/metrics" ||
    pathname === "/api/alerts/alertmanager" ||
    isUnder(pathname, "/api/auth") ||
    isUnder(pathname, "/login") ||
    isUnder(pathname, "/share") ||
    isUnder(pathname, "/api/share") ||
    pathname.startsWith("/_next/") ||
    pathname === "/favicon.ico"
  );
}

export function isApiPath(pathname: string): boolean {
  return isUnder(pathname, "/api");
}

// Auth.js reports failures as `?error=<Type>` on the login page; users get a sentence, not a code.
const SIGN_IN_ERRORS: Record<string, string> = {
  AccessDenied: "Your identity provider refused the sign-in. Ask your administrator whether you may use Uptrust.",
  RoleRefused: "Your groups at your identity provider give you no role in Uptrust, so sign-in was refused. Ask your administrator to map one of your groups (UPTRUST_ROLE_MAP).",
  ProviderError: "Your identity provider answered with an error instead of signing you in.",
  NoEmail: "Your identity provider did not share an email address, and Uptrust needs one to know who you are. Ask your administrator to release the email claim to Uptrust.",
  OAuthCallbackError: "The identity provider sent back an answer Uptrust could not use. Please try again.",
  OAuthSignInError: "Uptrust could not reach the identity provider to start the sign-in. Please try again in a moment.",
  MissingCSRF: "The sign-in form had expired. Please try again.",
  Verification: "The sign-in link is no longer valid. Please sign in again.",
  CallbackRouteError: "Uptrust could not finish signing you in. Please try again; if it keeps failing, the server log says why.",
  Configuration: "Sign-in is not set up correctly on this Uptrust server, or the identity provider could not be reached. The server log says more.",
};

export function describeSignInError(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return SIGN_IN_ERRORS[code] ?? "Sign-in did not complete. Please try again.";
}

// Viewers look; responders and admins act on incidents (status, severity, owner, notes).
export function canRespond(role: Role | undefined): boolean {
  return role === "responder" || role === "admin";
}
