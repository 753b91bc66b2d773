import { describe, expect, it } from "vitest";
import { decideRole, groupsFromClaims, parseEmails, parseRoleMap, roleFromGroups, roleMapFrom } from "./roles-from-claims.ts";

const map = parseRoleMap("sre-leads=admin, oncall=responder, *=viewer");

describe("UPTRUST_ROLE_MAP as an operator writes it", () => {
  it("reads group=role pairs and the role for everyone else", () => {
    expect(map.entries).toEqual([{ group: "sre-leads", role: "admin" }, { group: "oncall", role: "responder" }]);
    expect(map.fallback).toBe("viewer");
  });

  it("keeps a group that itself contains '=' whole: the role is after the last one", () => {
    expect(parseRoleMap("cn=sre=admin").entries).toEqual([{ group: "cn=sre", role: "admin" }]);
  });

  it("says which pair is wrong and what a role may be", () => {
    expect(() => parseRoleMap("sre=owner")).toThrow(/"sre=owner": the role must be viewer, responder or admin/);
    expect(() => parseRoleMap("sre")).toThrow(/"sre" is not group=role/);
    expect(() => parseRoleMap(" , ")).toThrow(/lists no group=role pair/);
  });
});

describe("which map is in force", () => {
  const devMap = "uptrust-admins=admin";

  it("is the configured one, or the development map when nothing is configured", () => {
    expect(roleMapFrom("oncall=responder", devMap)?.entries).toEqual([{ group: "oncall", role: "responder" }]);
    expect(roleMapFrom(undefined, devMap)?.entries).toEqual([{ group: "uptrust-admins", role: "admin" }]);
    expect(roleMapFrom(undefined)).toBeNull();
  });

  it("is none with UPTRUST_ROLE_MAP=off, even in development: admins then manage roles", () => {
    expect(roleMapFrom("off", devMap)).toBeNull();
    expect(roleMapFrom(" OFF ", devMap)).toBeNull();
    const stored = { role: "responder" as const, source: "admin" as const };
    expect(decideRole({ email: "a@x.io", groups: ["uptrust-admins"], map: roleMapFrom("off", devMap), adminEmails: [], stored })).toEqual(stored);
  });
});

describe("the groups a provider sends", () => {
  it("reads a JSON array, a separated string, and a nested claim such as Keycloak's realm_access.roles", () => {
    expect(groupsFromClaims({ groups: ["oncall", "dev", "oncall"] }, "groups")).toEqual(["dev", "oncall"]);
    expect(groupsFromClaims({ groups: "oncall dev,ops" }, "groups")).toEqual(["dev", "oncall", "ops"]);
    expect(groupsFromClaims({ realm_access: { roles: ["sre-leads"] } }, "realm_access.roles")).toEqual(["sre-leads"]);
  });

  it("finds no groups when the claim is missing or of another type", () => {
    expect(groupsFromClaims({}, "groups")).toEqual([]);
    expect(groupsFromClaims({ groups: 42 }, "groups")).toEqual([]);
  });
});

describe("the role a person gets", () => {
  it("is the highest role any of their groups maps to", () => {
    expect(roleFromGroups(["oncall", "sre-leads"], map)).toBe("admin");
    expect(roleFromGroups(["oncall"], map)).toBe("responder");
    expect(roleFromGroups(["marketing"], map)).toBe("viewer");
  });

  it("follows the provider when a map is set, whatever an admin set before", () => {
    const stored = { role: "admin" as const, source: "admin" as const };
    expect(decideRole({ email: "a@x.io", groups: ["oncall"], map, adminEmails: [], stored })).toEqual({ role: "responder", source: "mapping" });
  });

  it("refuses someone in no mapped group when the map has no '*', naming their groups", () => {
    const strict = parseRoleMap("oncall=responder");
    const decision = decideRole({ email: "a@x.io", groups: ["marketing"], map: strict, adminEmails: [], stored: null });
    expect(decision).toEqual({ refused: expect.stringContaining("none of your groups (marketing)") });
  });

  it("makes the configured admins admin, even when the map would not", () => {
    const decision = decideRole({ email: "Lead@X.io", groups: [], map: parseRoleMap("oncall=responder"), adminEmails: parseEmails("lead@x.io, other@x.io"), stored: null });
    expect(decision).toEqual({ role: "admin", source: "config" });
  });

  it("without a map keeps the role an admin gave, and starts a newcomer as viewer (the first person is not made admin)", () => {
    expect(decideRole({ email: "a@x.io", groups: [], map: null, adminEmails: [], stored: null })).toEqual({ role: "viewer", source: "default" });
    const promoted = { role: "responder" as const, source: "admin" as const };
    expect(decideRole({ email: "a@x.io", groups: [], map: null, adminEmails: [], stored: promoted })).toEqual(promoted);
  });

  it("drops a role that came from a map or the admin list once that configuration no longer gives it", () => {
    const fromMap = { role: "admin" as const, source: "mapping" as const };
    expect(decideRole({ email: "a@x.io", groups: [], map: null, adminEmails: [], stored: fromMap })).toEqual({ role: "viewer", source: "default" });
  });
});
