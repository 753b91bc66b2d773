import type { NextAuthConfig } from "next-auth";
import type { OIDCConfig } from "next-auth/providers";
import { env } from "@/lib/env.ts";
import { decodeIdTokenClaims, profileFromClaims, type OidcClaims } from "./profile.ts";
import { authSecret, oidcSettings } from "./provider-settings.ts";
import { refreshIfDue } from "./refresh-token.ts";
import { groupsFromClaims } from "./roles-from-claims.ts";
import type { Role } from "./rules.ts";
import "./types.ts";

// The part of Uptrust's Auth.js setup that needs no database, so the proxy can check sessions with it
// (and refresh the provider's tokens there, where the new cookie can be written back).
// lib/auth/index.ts adds the sign-in bookkeeping (users, sessions, audit log) on top.

export function oidcProvider(): OIDCConfig<OidcClaims> {
  const settings = oidcSettings();
  const roleClaim = env().UPTRUST_ROLE_CLAIM;
  return {
    id: "oidc",
    name: settings.displayName,
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    // state and nonce as well as PKCE: some providers require a nonce, and state binds the answer to
    // this browser for providers that ignore PKCE.
    checks: ["pkce", "state", "nonce"],
    // The development provider grants offline_access (a refresh token) only with prompt=consent, as the spec says.
    authorization: { params: { scope: settings.scope, ...(settings.development ? { prompt: "consent" } : {}) } },
    // Read the userinfo endpoint too: many providers keep name/email out of the ID token.
    idToken: false,
    profile(userinfo, tokens) {
      const idClaims = decodeIdTokenClaims(tokens.id_token);
      const p = profileFromClaims(userinfo, idClaims);
      const groups = groupsFromClaims(userinfo, roleClaim);
      return { id: p.id, email: p.email, name: p.name, groups: groups.length ? groups : groupsFromClaims(idClaims, roleClaim) };
    },
  };
}

export function baseAuthConfig(): NextAuthConfig {
  const settings = oidcSettings();
  return {
    secret: authSecret(),
    trustHost: true,
    // The cookie outlives nothing: the server-side session row (lib/auth/session-store.ts) decides.
    session: { strategy: "jwt", maxAge: Math.ceil(env().UPTRUST_SESSION_MAX_HOURS * 3600) },
    providers: [oidcProvider()],
    pages: { signIn: "/login", error: "/login" },
    callbacks: {
      jwt({ token }) {
        return refreshIfDue(token, settings, env().UPTRUST_ROLE_CLAIM);
      },
      session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.uid ?? token.sub ?? "",
          email: token.email ?? "",
          name: token.name ?? token.email ?? "",
          role: (token.role ?? "viewer") as Role,
        };
        session.sid = token.sid;
        session.ended = token.ended;
        session.groups = token.groups;
        return session;
      },
    },
  };
}
