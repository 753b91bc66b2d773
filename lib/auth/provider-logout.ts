import { discover } from "./refresh-token.ts";
import type { OidcSettings } from "./provider-settings.ts";

// Where the provider sends the browser after its own sign-out (RP-Initiated Logout). Register
// <Uptrust URL>/login?signedOut=signed-out as a post-logout redirect URI at the provider.
export const POST_LOGOUT_PATH = "/login?signedOut=signed-out";

/**
 * The provider's end_session_endpoint with Uptrust's client id and return address, so signing out of
 * Uptrust also ends the provider's session; null when the provider offers no such endpoint or cannot be reached.
 */
export async function providerLogoutUrl(settings: OidcSettings, appOrigin: string): Promise<string | null> {
  const doc = await discover(settings.issuer).catch(() => null);
  if (!doc?.end_session_endpoint) return null;
  const url = new URL(doc.end_session_endpoint);
  url.searchParams.set("client_id", settings.clientId);
  url.searchParams.set("post_logout_redirect_uri", `${appOrigin}${POST_LOGOUT_PATH}`);
  return url.toString();
}
