import { describe, expect, it } from "vitest";
import { describeAuthError } from "./log-auth-error.ts";

describe("what the server log says when sign-in fails", () => {
  it("prints the provider's error and description, not only the class name", () => {
    const error = new Error("OAuth Provider returned an error", { cause: { providerId: "oidc", error: "access_denied", error_description: "nonce required" } });
    error.name = "OAuthCallbackError";
    expect(describeAuthError(error)).toEqual([
      "[auth] OAuthCallbackError: OAuth Provider returned an error",
      "[auth] the provider answered error=access_denied (nonce required)",
    ]);
  });

  it("prints both issuers when the configured one differs from the provider's", () => {
    const inner = new Error('"response" body "issuer" property does not match the expected value', {
      cause: { expected: "https://idp.example.com", body: { issuer: "https://idp.example.com/" }, attribute: "issuer" },
    });
    const error = new Error("Read more at https://errors.authjs.dev#signinerror", { cause: { err: inner } });
    error.name = "SignInError";
    const lines = describeAuthError(error);
    expect(lines).toContain(
      "[auth] issuer mismatch: AUTH_OIDC_ISSUER is https://idp.example.com but the provider's discovery document says https://idp.example.com/; set AUTH_OIDC_ISSUER to the provider's value exactly",
    );
    expect(lines).toContain(`[auth] because Error: ${inner.message}`);
  });
});
