import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db/client.ts";
import { recordSignIn } from "./record-sign-in.ts";

const issuer = "http://localhost:4000";

beforeAll(async () => {
  await prisma().auditLog.deleteMany({});
  await prisma().user.deleteMany({});
});
afterAll(() => disconnectPrisma());

describe("recording who signs in", () => {
  it("makes the first person ever an admin and everyone after a viewer, even when they arrive together", async () => {
    const [a, b, c] = await Promise.all(
      ["ana@example.com", "bo@example.com", "cy@example.com"].map((email) => recordSignIn({ email, name: null, issuer })),
    );
    expect([a, b, c].map((u) => u.role).sort()).toEqual(["admin", "viewer", "viewer"]);
  });

  it("keeps a returning user's role, refreshes their name and last sign-in time", async () => {
    const before = await prisma().user.findUniqueOrThrow({ where: { email: "bo@example.com" } });
    const again = await recordSignIn({ email: "bo@example.com", name: "Bo Jansen", issuer });
    const after = await prisma().user.findUniqueOrThrow({ where: { email: "bo@example.com" } });
    expect(again).toMatchObject({ id: before.id, role: before.role, name: "Bo Jansen" });
    expect(after.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(before.lastLoginAt!.getTime());
  });

  it("writes one sign-in line to the audit log per sign-in", async () => {
    const user = await prisma().user.findUniqueOrThrow({ where: { email: "bo@example.com" } });
    const rows = await prisma().auditLog.findMany({ where: { userId: user.id, action: "sign-in" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ target: "user:bo@example.com", detail: { issuer } });
  });
});
