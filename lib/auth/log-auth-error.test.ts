import { OAuthCallbackError } from "@auth/core/errors";
import { processDiscoveryResponse } from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { describeAuthDebug, describeAuthError } from "./log-auth-error.ts";

async function discoveryError(configured: string, announced: string): Promise<Error> {
  const response = new Response(JSON.stringify({ issuer: announced }), { headers: { "content-type": "application/json" } });
  return processDiscoveryResponse(new URL(configured), response).then(
    () => Promise.reject(new Error("the issuers were expected to differ")),
    (error: Error) => error,
  );
}

describe("what the server log says when sign-in fails", () => {
  it("prints the provider's error and description, not only the class name", () => {
    const answer = { providerId: "oidc", error: "access_denied", error_description: "nonce required" };
    const error = new Error("OAuth Provider returned an error", { cause: answer });
    error.name = "OAuthCallbackError";
    expect(describeAuthError(error)).toEqual([
      "[auth] OAuthCallbackError: OAuth Provider returned an error",
      "[auth] the provider answered error=access_denied (nonce required)",
    ]);
  });

  it("prints the provider's answer that Auth.js reports only to its debug logger", () => {
    const answer = { providerId: "oidc", error: "unauthorized_client", error_description: "code flow not allowed" };
    // Built as Auth.js's callback builds it (its types forbid what its code does): the answer is lost,
    // and only its debug report still has it.
    const thrown = new OAuthCallbackError("OAuth Provider returned an error", answer as ErrorOptions);
    expect(describeAuthError(thrown)).toHaveLength(1);
    expect(describeAuthDebug("OAuthCallbackError", answer)).toEqual([
      "[auth] the provider answered error=unauthorized_client (code flow not allowed)",
    ]);
    expect(describeAuthDebug("OAuthCallbackError", { providerId: "oidc" })).toEqual([]);
    expect(describeAuthDebug("authorization url is ready", { url: "https://idp.example.com/auth" })).toEqual([]);
  });

  it("names Auth.js errors by their kind, which survives the minified production build", () => {
    const error = new OAuthCallbackError("OAuth Provider returned an error");
    Object.defineProperty(error, "name", { value: "v" });
    expect(describeAuthError(error)[0]).toMatch(/^\[auth\] OAuthCallbackError: OAuth Provider returned an error\. Read more at /);
  });

  it("prints both issuers when the provider's discovery document names another one", async () => {
    const error = await discoveryError("http://127.0.0.1:4780/api/oidc", "http://localhost:4780/api/oidc");
    expect(describeAuthError(error)).toEqual([
      '[auth] OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED: "response" body "issuer" property does not match the expected value',
      "[auth] issuer mismatch: AUTH_OIDC_ISSUER is http://127.0.0.1:4780/api/oidc but the provider's discovery document says " +
        "http://localhost:4780/api/oidc; set AUTH_OIDC_ISSUER to the provider's value exactly",
    ]);
  });

  it("prints both issuers when the mismatch arrives wrapped in a sign-in error", async () => {
    const inner = await discoveryError("https://idp.example.com/realm", "https://idp.example.com/realm/");
    const error = new Error("Read more at https://errors.authjs.dev#signinerror", { cause: { err: inner } });
    error.name = "SignInError";
    const lines = describeAuthError(error);
    expect(lines).toContain(
      "[auth] issuer mismatch: AUTH_OIDC_ISSUER is https://idp.example.com/realm but the provider's discovery document says " +
        "https://idp.example.com/realm/; set AUTH_OIDC_ISSUER to the provider's value exactly",
    );
    expect(lines).toContain(`[auth] because OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED: ${inner.message}`);
  });
});
