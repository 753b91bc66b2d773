import { describe, expect, it } from "vitest";
import { decodeIdTokenClaims, profileFromClaims } from "./profile.ts";

const idToken = (claims: object) =>
  ["e30", Buffer.from(JSON.stringify(claims)).toString("base64url"), "signature"].join(".");

describe("who signed in, as the identity provider tells it", () => {
  it("takes name and email from userinfo when the ID token carries only the subject", () => {
    const p = profileFromClaims({ sub: "u1", email: "Ana@Example.com", name: "Ana" }, decodeIdTokenClaims(idToken({ sub: "u1" })));
    expect(p).toEqual({ id: "u1", email: "ana@example.com", name: "Ana" });
  });

  it("falls back to the ID token when userinfo leaves name and email out", () => {
    const p = profileFromClaims({ sub: "u1" }, decodeIdTokenClaims(idToken({ sub: "u1", email: "bo@example.com", name: "Bo" })));
    expect(p).toEqual({ id: "u1", email: "bo@example.com", name: "Bo" });
  });

  it("builds a display name from given and family names, then the username, then the email", () => {
    expect(profileFromClaims({ sub: "a", given_name: "Cy", family_name: "Dee" }, {}).name).toBe("Cy Dee");
    expect(profileFromClaims({ sub: "a", preferred_username: "cyd" }, {}).name).toBe("cyd");
    expect(profileFromClaims({ sub: "a", email: "cy@example.com" }, {}).name).toBe("cy@example.com");
  });

  it("reports a missing email as null so sign-in can be refused with a reason", () => {
    expect(profileFromClaims({ sub: "a" }, {}).email).toBeNull();
  });

  it("ignores an ID token it cannot read", () => {
    expect(decodeIdTokenClaims("not-a-jwt")).toEqual({});
    expect(decodeIdTokenClaims(undefined)).toEqual({});
  });
});
