import { ConfigError, parseEnv } from "@/lib/env.ts";

// Which identity provider Uptrust signs people in with, decided from the environment alone.

export const DEV_IDP_CLIENT_ID = "uptrust-dev";
export const DEV_IDP_CLIENT_SECRET = "uptrust-dev-secret";

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  // Shown on the button: "Sign in with <displayName>".
  displayName: string;
  // True when no provider is configured and Uptrust's own development IdP stands in.
  development: boolean;
  // Scopes asked for at sign-in: openid, profile and email, plus AUTH_OIDC_SCOPE (e.g. offline_access groups).
  scope: string;
};

type Source = Record<string, string | undefined>;

// The issuer must match the provider's discovery document character for character (Auth.js compares
// strings), so a trailing slash an operator pasted from a browser is dropped.
function normaliseIssuer(issuer: string): string {
  return issuer.replace(/\/+$/, "");
}

export function devIdpIssuer(port: number): string {
  // localhost, not 127.0.0.1: Next rewrites 127.0.0.1 to localhost and the issuer string would then differ.
  return `http://localhost:${port}`;
}

function scopeWith(extra: string | undefined): string {
  return [...new Set(["openid", "profile", "email", ...(extra ?? "").split(" ").filter(Boolean)])].join(" ");
}

export function oidcSettings(source: Source = process.env): OidcSettings {
  const env = parseEnv(source);
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    const issuer = normaliseIssuer(env.AUTH_OIDC_ISSUER);
    return {
      issuer,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      displayName: new URL(issuer).host,
      development: false,
      scope: scopeWith(env.AUTH_OIDC_SCOPE),
    };
  }
  return {
    issuer: devIdpIssuer(env.UPTRUST_DEV_IDP_PORT),
    clientId: DEV_IDP_CLIENT_ID,
    clientSecret: DEV_IDP_CLIENT_SECRET,
    displayName: "Uptrust Dev IdP",
    development: true,
    // The development provider issues refresh tokens and group claims, so both paths run on a laptop.
    scope: scopeWith("offline_access groups"),
  };
}

export function authSecret(source: Source = process.env): string {
  const env = parseEnv(source);
  if (!env.AUTH_SECRET) {
    throw new ConfigError([
      "AUTH_SECRET is not set: Uptrust signs and encrypts session cookies with it. `npm start` creates one " +
        "and keeps it in the data directory; when running Next yourself, set AUTH_SECRET to at least 32 random " +
        "characters, e.g. AUTH_SECRET=$(openssl rand -base64 32)",
    ]);
  }
  return env.AUTH_SECRET;
}
