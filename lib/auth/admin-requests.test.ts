import { describe, expect, it } from "vitest";
import { parseRoleChange, parseUserId } from "./admin-requests.ts";

describe("PATCH /api/admin/users/ID with a role", () => {
  it("takes one of the three roles", () => {
    expect(parseRoleChange({ role: "responder" })).toEqual({ ok: true, value: { role: "responder" } });
  });

  it.each([
    ["an unknown role", { role: "owner" }, "role must be viewer, responder or admin"],
    ["a missing role", {}, "role must be viewer, responder or admin"],
    ["a role in other letters", { role: "Admin" }, "role must be viewer, responder or admin"],
    ["a role source, which only Uptrust sets", { role: "admin", roleSource: "config" }, "only role may be sent, not roleSource"],
    ["no JSON object", null, 'send a JSON object such as {"role":"responder"}'],
    ["a bare string", "admin", 'send a JSON object such as {"role":"responder"}'],
  ])("refuses %s with a sentence saying what to send", (_what, body, error) => {
    expect(parseRoleChange(body)).toEqual({ ok: false, error });
  });
});

describe("the user a route names", () => {
  it("is a UUID", () => {
    expect(parseUserId("4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90")).toEqual({ ok: true, value: "4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90" });
  });

  it("refuses an email or anything else, showing what an id looks like", () => {
    for (const raw of ["viewer@uptrust.dev", "1", "' OR 1=1 --"]) {
      expect(parseUserId(raw)).toEqual({ ok: false, error: expect.stringContaining("must be a UUID such as") });
    }
  });
});
