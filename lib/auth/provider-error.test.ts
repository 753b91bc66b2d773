import { describe, expect, it } from "vitest";
import { describeProviderError, loginQueryFor, providerErrorOf } from "./provider-error.ts";

const callback = (q: string) => new URL(`http://localhost:3000/api/auth/callback/oidc?${q}`);

describe("a provider's refusal, as the person sees it", () => {
  it("carries the provider's error and description to the login page", () => {
    const e = providerErrorOf(callback("error=access_denied&error_description=The+user+denied+the+request&state=abc"));
    expect(e).toEqual({ error: "access_denied", description: "The user denied the request" });
    expect(Object.fromEntries(loginQueryFor(e!))).toEqual({ error: "ProviderError", providerError: "access_denied", providerDescription: "The user denied the request" });
    expect(describeProviderError("access_denied", "The user denied the request")).toBe("access_denied: The user denied the request");
  });

  it("ignores a callback without an error and an error code that is not a code", () => {
    expect(providerErrorOf(callback("code=xyz&state=abc"))).toBeNull();
    expect(providerErrorOf(callback("error=%3Cscript%3E"))).toBeNull();
    expect(describeProviderError("<b>", "x")).toBeUndefined();
  });

  it("keeps a long or multi-line description to one bounded line", () => {
    const e = providerErrorOf(callback(`error=server_error&error_description=${encodeURIComponent(`a\nb${"x".repeat(400)}`)}`));
    expect(e!.description).toHaveLength(300);
    expect(e!.description).not.toContain("\n");
  });
});
