import { describe, expect, it } from "vitest";
import { howToGetRole, readDeniedQuery } from "./denied-page.ts";

describe("the page that says which role is missing", () => {
  it("names the role the gate asked for and the page to go back to", () => {
    expect(readDeniedQuery({ need: "admin", from: "/admin/users" })).toEqual({ need: "admin", from: "/admin/users" });
  });

  it("names no role that does not exist, and offers no way back off Uptrust", () => {
    expect(readDeniedQuery({ need: "root", from: "https://evil.example/phish" })).toEqual({ need: null, from: null });
    expect(readDeniedQuery({ need: ["admin", "viewer"], from: "//evil.example" })).toEqual({ need: "admin", from: null });
    expect(readDeniedQuery({})).toEqual({ need: null, from: null });
  });

  it("does not send the person back to itself", () => {
    expect(readDeniedQuery({ need: "admin", from: "/denied?need=admin" })).toEqual({ need: "admin", from: null });
  });

  it("says who decides roles: admins in Uptrust, or the provider's groups", () => {
    expect(howToGetRole(false)).toBe("An admin can change it under Admin → Users.");
    expect(howToGetRole(true)).toMatch(/^Your identity provider's groups decide roles in Uptrust; ask your administrator/);
  });
});
