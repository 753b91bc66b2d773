import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db/client.ts";
import { recordSignIn } from "./record-sign-in.ts";

const issuer = "http://localhost:4000";
const signIn = (email: string, groups: string[], extra: { name?: string; development?: boolean; refresh?: boolean } = {}) =>
  recordSignIn({ email, name: extra.name ?? null, issuer, groups, development: extra.development ?? false, refresh: extra.refresh });

beforeAll(async () => {
  await prisma().auditLog.deleteMany({});
  await prisma().user.deleteMany({});
});
afterAll(() => disconnectPrisma());

describe("recording who signs in", () => {
  it("does not make the first person admin: without a map everyone starts as viewer", async () => {
    const [a, b] = await Promise.all(["ana@example.com", "bo@example.com"].map((email) => signIn(email, [])));
    expect([a, b].map((o) => ("user" in o ? o.user.role : o.refused))).toEqual(["viewer", "viewer"]);
  });

  it("keeps a role an admin gave, refreshes the name and last sign-in time", async () => {
    await prisma().user.update({ where: { email: "bo@example.com" }, data: { role: "responder", roleSource: "admin" } });
    const before = await prisma().user.findUniqueOrThrow({ where: { email: "bo@example.com" } });
    const again = await signIn("bo@example.com", [], { name: "Bo Jansen" });
    const after = await prisma().user.findUniqueOrThrow({ where: { email: "bo@example.com" } });
    expect(again).toEqual({ user: { id: before.id, email: "bo@example.com", name: "Bo Jansen", role: "responder" } });
    expect(after.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(before.lastLoginAt!.getTime());
  });

  it("gives the development provider's users the role of their group, and audits a change of role", async () => {
    const first = await signIn("cy@example.com", ["uptrust-responders"], { development: true });
    expect(first).toMatchObject({ user: { role: "responder" } });
    const promoted = await signIn("cy@example.com", ["uptrust-admins"], { development: true, refresh: true });
    expect(promoted).toMatchObject({ user: { role: "admin" } });
    const change = await prisma().auditLog.findFirstOrThrow({ where: { action: "role.change", target: "user:cy@example.com" } });
    expect(change.detail).toMatchObject({ from: "responder", to: "admin", by: "mapping" });
  });

  it("refuses someone whose groups map to no role, and says so in the audit log", async () => {
    const outcome = await signIn("eve@example.com", ["contractors"], { development: true });
    expect(outcome).toEqual({ refused: expect.stringContaining("none of your groups (contractors)") });
    expect(await prisma().user.findUnique({ where: { email: "eve@example.com" } })).toBeNull();
    expect(await prisma().auditLog.count({ where: { action: "sign-in.refused", target: "user:eve@example.com" } })).toBe(1);
  });

  it("writes one sign-in line per sign-in and none for a refresh", async () => {
    const user = await prisma().user.findUniqueOrThrow({ where: { email: "cy@example.com" } });
    const rows = await prisma().auditLog.findMany({ where: { userId: user.id, action: "sign-in" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ target: "user:cy@example.com", detail: { issuer, groups: ["uptrust-responders"] } });
  });
});
