import { describe, expect, it } from "vitest";
import { canRespond, describeSignInError, isApiPath, isPublicPath, hasRole, safeCallbackUrl } from "./rules.ts";

describe("roles are ordered", () => {
  it("lets an admin do what a responder may, and a responder what a viewer may, never the reverse", () => {
    expect(hasRole("admin", "responder")).toBe(true);
    expect(hasRole("responder", "viewer")).toBe(true);
    expect(hasRole("viewer", "responder")).toBe(false);
    expect(hasRole("responder", "admin")).toBe(false);
  });
});

describe("where the browser goes after sign-in", () => {
  it("returns to the page the user was heading to, query and anchor included", () => {
    expect(safeCallbackUrl("/incidents/42?tab=timeline#burn")).toBe("/incidents/42?tab=timeline#burn");
  });

  it.each([
    ["another site", "https://evil.example/phish"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash trick browsers read as //", "/\\evil.example"],
    ["a tab browsers strip out", "/\t/evil.example"],
    ["a script URL", "javascript:alert(1)"],
    ["a path without a leading slash", "incidents"],
    ["nothing at all", undefined],
    ["a non-string value", ["/a", "/b"]],
  ])("refuses %s and goes to the cockpit instead", (_what, raw) => {
    expect(safeCallbackUrl(raw)).toBe("/");
  });

  it("does not send a freshly signed-in user back to the login page", () => {
    expect(safeCallbackUrl("/login?callbackUrl=/x")).toBe("/");
    expect(safeCallbackUrl("/api/auth/signout")).toBe("/");
  });
});

describe("which paths need a signed-in user", () => {
  it.each(["/api/health", "/metrics", "/api/alerts/alertmanager", "/api/auth/callback/oidc", "/login", "/share/abc.def", "/api/share/abc", "/_next/static/chunk.js", "/favicon.ico"])(
    "%s is open to everyone",
    (path) => expect(isPublicPath(path)).toBe(true),
  );

  it.each(["/", "/incidents/42", "/api/cockpit", "/api/healthz", "/loginx", "/shared", "/api/share-links/42/revoke", "/api/incidents/42/share-links", "/api/alerts", "/api/alerts/alertmanager/x"])("%s needs a session", (path) => {
    expect(isPublicPath(path)).toBe(false);
  });

  it("tells API calls from pages so scripts get 401 instead of a login page", () => {
    expect(isApiPath("/api/cockpit")).toBe(true);
    expect(isApiPath("/apiary")).toBe(false);
  });
});

describe("sign-in errors in plain words", () => {
  it("explains a refused sign-in", () => {
    expect(describeSignInError("AccessDenied")).toMatch(/refused/);
  });

  it("still says something useful for an error code it does not know", () => {
    expect(describeSignInError("SomethingNew")).toBe("Sign-in did not complete. Please try again.");
  });

  it("says nothing when there was no error", () => {
    expect(describeSignInError(undefined)).toBeUndefined();
  });
});

describe("who may act on an incident", () => {
  it("lets responders and admins change an incident and keeps viewers read-only", () => {
    expect(canRespond("responder")).toBe(true);
    expect(canRespond("admin")).toBe(true);
    expect(canRespond("viewer")).toBe(false);
    expect(canRespond(undefined)).toBe(false);
  });
});
