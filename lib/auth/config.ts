import type { NextAuthConfig } from "next-auth";
import type { OIDCConfig } from "next-auth/providers";
import { decodeIdTokenClaims, profileFromClaims, type OidcClaims } from "./profile.ts";
import { authSecret, oidcSettings } from "./provider-settings.ts";
import type { Role } from "./rules.ts";
import "./types.ts";

// The part of Uptrust's Auth.js setup that needs no database, so the proxy can check sessions with it.
// lib/auth/index.ts adds the sign-in bookkeeping (users, audit log) on top.

export function oidcProvider(): OIDCConfig<OidcClaims> {
  const settings = oidcSettings();
  return {
    id: "oidc",
    name: settings.displayName,
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    // Read the userinfo endpoint too: many providers keep name/email out of the ID token.
    idToken: false,
    profile(userinfo, tokens) {
      const p = profileFromClaims(userinfo, decodeIdTokenClaims(tokens.id_token));
      return { id: p.id, email: p.email, name: p.name };
    },
  };
}

export function baseAuthConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    providers: [oidcProvider()],
    pages: { signIn: "/login", error: "/login" },
    callbacks: {
      session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.uid ?? token.sub ?? "",
          email: token.email ?? "",
          name: token.name ?? token.email ?? "",
          role: (token.role ?? "viewer") as Role,
        };
        return session;
      },
    },
  };
}
