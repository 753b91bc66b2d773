import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/env.ts";
import { authSecret, oidcSettings } from "./provider-settings.ts";

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  }
  throw new Error("expected a configuration error");
}

describe("which identity provider Uptrust uses", () => {
  it("starts its own development sign-in when no provider is configured", () => {
    expect(oidcSettings({ UPTRUST_DEV_IDP_PORT: "4200" })).toEqual({
      issuer: "http://localhost:4200",
      clientId: "uptrust-dev",
      clientSecret: "uptrust-dev-secret",
      displayName: "Uptrust Dev IdP",
      development: true,
      scope: "openid profile email offline_access groups",
    });
  });

  it("uses port 4000 for the development sign-in by default", () => {
    expect(oidcSettings({}).issuer).toBe("http://localhost:4000");
  });

  it("uses the organisation's provider when issuer, client id and secret are set", () => {
    const s = oidcSettings({ AUTH_OIDC_ISSUER: "https://login.example.com/realms/sre/", AUTH_OIDC_ID: "uptrust", AUTH_OIDC_SECRET: "s3cret" });
    expect(s).toMatchObject({ issuer: "https://login.example.com/realms/sre", clientId: "uptrust", development: false });
    expect(s.displayName).toBe("login.example.com");
    expect(s.scope).toBe("openid profile email");
  });

  it("asks the organisation's provider for the extra scopes AUTH_OIDC_SCOPE names, once each", () => {
    const s = oidcSettings({ AUTH_OIDC_ISSUER: "https://idp.example.com", AUTH_OIDC_ID: "u", AUTH_OIDC_SECRET: "s", AUTH_OIDC_SCOPE: "offline_access email groups" });
    expect(s.scope).toBe("openid profile email offline_access groups");
  });

  it("names AUTH_OIDC_SECRET when the issuer is set but the secret is not", () => {
    const message = problemOf(() => oidcSettings({ AUTH_OIDC_ISSUER: "https://login.example.com", AUTH_OIDC_ID: "uptrust" }));
    expect(message).toContain("AUTH_OIDC_SECRET is missing");
  });
});

describe("the session secret", () => {
  it("refuses to run without AUTH_SECRET and says how to make one", () => {
    const message = problemOf(() => authSecret({}));
    expect(message).toContain("AUTH_SECRET is not set");
    expect(message).toContain("openssl rand -base64 32");
  });

  it("refuses a secret too short to be safe", () => {
    expect(problemOf(() => authSecret({ AUTH_SECRET: "short" }))).toContain("AUTH_SECRET");
  });

  it("accepts 32 or more characters", () => {
    expect(authSecret({ AUTH_SECRET: "x".repeat(32) })).toBe("x".repeat(32));
  });
});
