// Pure: a provider that refuses a sign-in redirects back with ?error=…&error_description=… (RFC 6749
// §4.1.2.1). Auth.js would only say "OAuthCallbackError"; Uptrust shows the provider's own words.

export type ProviderError = { error: string; description?: string };

/** The provider's error on a callback URL, bounded and plain, or null when the callback carries none. */
export function providerErrorOf(url: URL): ProviderError | null {
  const error = url.searchParams.get("error");
  if (!error || !/^[\w.-]{1,64}$/.test(error)) return null;
  const raw = url.searchParams.get("error_description")?.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return raw ? { error, description: raw.slice(0, 300) } : { error };
}

/** The login page's query for a provider error. */
export function loginQueryFor(e: ProviderError): URLSearchParams {
  const q = new URLSearchParams({ error: "ProviderError", providerError: e.error });
  if (e.description) q.set("providerDescription", e.description);
  return q;
}

/** The line under the login page's error: "access_denied: The user denied the request". */
export function describeProviderError(error: string | undefined, description: string | undefined): string | undefined {
  const parsed = error ? providerErrorOf(new URL(`http://x/?${new URLSearchParams({ error, error_description: description ?? "" })}`)) : null;
  if (!parsed) return undefined;
  return parsed.description ? `${parsed.error}: ${parsed.description}` : parsed.error;
}
