import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db/client.ts";
import { endSession, endUserSessions, readSession, startSession } from "./session-store.ts";

const meta = { address: "10.1.2.3", userAgent: "Chromium" };
const t0 = new Date("2026-12-06T08:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  await prisma().user.deleteMany({});
  await prisma().user.createMany({
    data: [
      { email: "ana@example.com", name: "Ana", role: "responder", roleSource: "admin" },
      { email: "lead@example.com", name: "Lead", role: "admin", roleSource: "config" },
    ],
  });
});
afterAll(() => disconnectPrisma());

describe("a server-side session", () => {
  it("reads its user's current role, so a role change applies on the next request", async () => {
    const { sid } = await startSession("ana@example.com", meta, t0);
    expect((await readSession(sid, true, later(1))).user).toMatchObject({ email: "ana@example.com", role: "responder" });
    await prisma().user.update({ where: { email: "ana@example.com" }, data: { role: "viewer" } });
    expect((await readSession(sid, true, later(2))).user?.role).toBe("viewer");
  });

  it("lives on while its person is active, and only a person's requests count as activity", async () => {
    const { sid } = await startSession("ana@example.com", meta, t0);
    expect((await readSession(sid, false, later(20))).user).not.toBeNull();
    // 20 minutes of background polling did not move the clock: 31 minutes after sign-in it is idle.
    expect(await readSession(sid, false, later(31))).toEqual({ user: null, ended: "idle" });
    const row = await prisma().userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row).toMatchObject({ endReason: "idle", address: "10.1.2.3" });
  });

  it("is kept alive by activity until 12 hours after sign-in, then ends", async () => {
    const { sid } = await startSession("ana@example.com", meta, t0);
    for (let m = 20; m < 12 * 60; m += 20) expect((await readSession(sid, true, later(m))).user).not.toBeNull();
    expect(await readSession(sid, true, later(12 * 60))).toEqual({ user: null, ended: "expired" });
  });

  it("stays ended after sign-out, and an unknown id is no session", async () => {
    const { sid } = await startSession("ana@example.com", meta, t0);
    expect(await endSession(sid, "signed-out", null, later(1))).toBe(true);
    expect(await endSession(sid, "revoked", null, later(2))).toBe(false);
    expect(await readSession(sid, true, later(3))).toEqual({ user: null, ended: "signed-out" });
    expect(await readSession("00000000-0000-4000-8000-000000000000", true, later(3))).toEqual({ user: null, ended: "revoked" });
  });

  it("is ended with all its user's others when an admin revokes them, each revocation audited with the admin", async () => {
    const a = await startSession("ana@example.com", meta, t0);
    const b = await startSession("ana@example.com", meta, t0);
    const lead = await prisma().user.findUniqueOrThrow({ where: { email: "lead@example.com" } });
    const ended = await endUserSessions(a.user.id, "revoked", lead.id, later(5));
    expect(ended).toBeGreaterThanOrEqual(2);
    expect(await readSession(a.sid, true, later(6))).toEqual({ user: null, ended: "revoked" });
    expect(await readSession(b.sid, true, later(6))).toEqual({ user: null, ended: "revoked" });
    const lines = await prisma().auditLog.findMany({ where: { action: "session.revoked", detail: { path: ["session"], equals: b.sid } } });
    expect(lines).toEqual([expect.objectContaining({ userId: lead.id, target: "user:ana@example.com" })]);
  });
});
