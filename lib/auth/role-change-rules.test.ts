import { describe, expect, it } from "vitest";
import { refuseRoleChange, roleReadOnlyReason, type RoleChange } from "./role-change-rules.ts";

const me = { id: "a1", email: "ana@example.com", role: "admin" as const, roleSource: "admin" };
const bo = { id: "b2", email: "bo@example.com", role: "viewer" as const, roleSource: "default" };
const change = (over: Partial<RoleChange>): RoleChange => ({ target: bo, to: "responder", actorId: me.id, otherAdmins: 1, mapConfigured: false, ...over });

describe("whose role an admin may change", () => {
  it("anyone's, when no role map is configured and the configuration does not name them", () => {
    expect(roleReadOnlyReason("default", false)).toBeNull();
    expect(roleReadOnlyReason("admin", false)).toBeNull();
    expect(refuseRoleChange(change({}))).toBeNull();
  });

  it("nobody's while a role map is set: the provider's groups decide at every sign-in", () => {
    expect(roleReadOnlyReason("mapping", true)).toBe("set by your provider's groups (UPTRUST_ROLE_MAP)");
    expect(refuseRoleChange(change({ mapConfigured: true, target: { ...bo, roleSource: "mapping" } }))).toBe(
      "bo@example.com's role cannot be changed here: it is set by your provider's groups (UPTRUST_ROLE_MAP).",
    );
  });

  it("not of someone UPTRUST_ADMIN_EMAILS names, map or no map", () => {
    expect(roleReadOnlyReason("config", false)).toBe("named in UPTRUST_ADMIN_EMAILS");
    expect(refuseRoleChange(change({ target: { ...me, id: "c3", roleSource: "config" }, to: "viewer" }))).toMatch(/named in UPTRUST_ADMIN_EMAILS/);
  });
});

describe("Uptrust keeps at least one admin", () => {
  it("refuses the last admin demoting themselves, and says what to do first", () => {
    expect(refuseRoleChange(change({ target: me, to: "responder", otherAdmins: 0 }))).toBe(
      "You are the last admin: make someone else admin first, then change your own role.",
    );
  });

  it("lets an admin step down when another admin remains", () => {
    expect(refuseRoleChange(change({ target: me, to: "viewer", otherAdmins: 1 }))).toBeNull();
  });

  it("lets the last admin stay admin (a change to the same role) and promote others", () => {
    expect(refuseRoleChange(change({ target: me, to: "admin", otherAdmins: 0 }))).toBeNull();
    expect(refuseRoleChange(change({ target: bo, to: "admin", otherAdmins: 1 }))).toBeNull();
  });

  it("names the other person when their demotion would leave no admin", () => {
    const other = { ...me, id: "d4", email: "dee@example.com" };
    expect(refuseRoleChange(change({ target: other, to: "viewer", otherAdmins: 0 }))).toBe("dee@example.com is the last admin: make someone else admin first.");
  });
});
