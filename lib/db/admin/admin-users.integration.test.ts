import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { readSession, startSession } from "@/lib/auth/session-store.ts";
import type { Role } from "@/lib/auth/rules.ts";
import { disconnectPrisma, prisma } from "../client.ts";
import { changeUserRole } from "./change-user-role.ts";
import { listUsers } from "./list-users.ts";
import { revokeUserSessions } from "./revoke-user-sessions.ts";

const meta = { address: "203.0.113.7", userAgent: "vitest" };

async function person(email: string, role: Role, roleSource = "default") {
  return prisma().user.create({ data: { email, name: email.split("@")[0], role, roleSource, groups: ["oncall"], lastLoginAt: new Date("2026-12-06T09:30:00Z") } });
}

const asAdmin = (admin: { id: string; email: string }) => ({ id: admin.id, email: admin.email });

beforeEach(async () => {
  await prisma().auditLog.deleteMany({});
  await prisma().user.deleteMany({});
});
afterAll(() => disconnectPrisma());

describe("an admin changes a role", () => {
  it("stores it as the admin's, audits who changed what, and the person's next request carries it", async () => {
    const ana = await person("ana@example.com", "admin", "admin");
    const bo = await person("bo@example.com", "viewer");
    const { sid } = await startSession(bo.email, meta);

    const outcome = await changeUserRole({ userId: bo.id, to: "responder", admin: asAdmin(ana), mapConfigured: false });

    expect(outcome).toEqual({ ok: true, changed: true, user: { id: bo.id, email: bo.email, role: "responder" } });
    expect(await prisma().user.findUniqueOrThrow({ where: { id: bo.id } })).toMatchObject({ role: "responder", roleSource: "admin" });
    const line = await prisma().auditLog.findFirstOrThrow({ where: { action: "role.change" } });
    expect(line).toMatchObject({ userId: ana.id, target: "user:bo@example.com", detail: { from: "viewer", to: "responder", by: "admin", admin: "ana@example.com" } });
    expect(await readSession(sid, true)).toMatchObject({ user: { email: "bo@example.com", role: "responder" } });
  });

  it("writes nothing when the role is already the one asked for", async () => {
    const ana = await person("ana@example.com", "admin", "admin");
    const bo = await person("bo@example.com", "responder", "admin");
    expect(await changeUserRole({ userId: bo.id, to: "responder", admin: asAdmin(ana), mapConfigured: false })).toMatchObject({ ok: true, changed: false });
    expect(await prisma().auditLog.count()).toBe(0);
  });

  it("refuses while a role map decides roles, and for someone UPTRUST_ADMIN_EMAILS names, changing nothing", async () => {
    const ana = await person("ana@example.com", "admin", "admin");
    const mapped = await person("mo@example.com", "viewer", "mapping");
    const named = await person("lead@example.com", "admin", "config");
    expect(await changeUserRole({ userId: mapped.id, to: "admin", admin: asAdmin(ana), mapConfigured: true })).toEqual({
      ok: false,
      status: 409,
      error: "mo@example.com's role cannot be changed here: it is set by your provider's groups (UPTRUST_ROLE_MAP).",
    });
    expect(await changeUserRole({ userId: named.id, to: "viewer", admin: asAdmin(ana), mapConfigured: false })).toMatchObject({ ok: false, status: 409, error: expect.stringContaining("named in UPTRUST_ADMIN_EMAILS") });
    expect((await prisma().user.findMany({ orderBy: { email: "asc" } })).map((u) => u.role)).toEqual(["admin", "admin", "viewer"]);
    expect(await prisma().auditLog.count()).toBe(0);
  });

  it("refuses the last admin stepping down, and lets them once another admin exists", async () => {
    const ana = await person("ana@example.com", "admin", "admin");
    const bo = await person("bo@example.com", "viewer");
    expect(await changeUserRole({ userId: ana.id, to: "viewer", admin: asAdmin(ana), mapConfigured: false })).toEqual({
      ok: false,
      status: 409,
      error: "You are the last admin: make someone else admin first, then change your own role.",
    });
    await changeUserRole({ userId: bo.id, to: "admin", admin: asAdmin(ana), mapConfigured: false });
    expect(await changeUserRole({ userId: ana.id, to: "viewer", admin: asAdmin(ana), mapConfigured: false })).toMatchObject({ ok: true, changed: true });
  });

  it("keeps one admin when two admins demote each other at the same moment", async () => {
    const ana = await person("ana@example.com", "admin", "admin");
    const bo = await person("bo@example.com", "admin", "admin");
    const outcomes = await Promise.all([
      changeUserRole({ userId: bo.id, to: "viewer", admin: asAdmin(ana), mapConfigured: false }),
      changeUserRole({ userId: ana.id, to: "viewer", admin: asAdmin(bo), mapConfigured: false }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({ status: 409, error: expect.stringContaining("is the last admin") });
    expect(await prisma().user.count({ where: { role: "admin" } })).toBe(1);
  });

  it("answers 404 for an id no user has", async () => {
    const ana = await person("ana@example.com", "admin", "admin");
    const missing = "4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90";
    expect(await changeUserRole({ userId: missing, to: "viewer", admin: asAdmin(ana), mapConfigured: false })).toMatchObject({ ok: false, status: 404 });
    expect(await revokeUserSessions(missing, ana.id)).toMatchObject({ ok: false, status: 404 });
  });
});

describe("an admin ends a person's sessions", () => {
  it("ends every live one, audits each as revoked by the admin, and the next request is refused with the reason", async () => {
    const ana = await person("ana@example.com", "admin", "admin");
    const bo = await person("bo@example.com", "responder");
    const laptop = await startSession(bo.email, meta);
    const phone = await startSession(bo.email, meta);
    const own = await startSession(ana.email, meta);

    expect(await revokeUserSessions(bo.id, ana.id)).toEqual({ ok: true, email: "bo@example.com", ended: 2 });

    for (const s of [laptop, phone]) expect(await readSession(s.sid, true)).toEqual({ user: null, ended: "revoked" });
    expect(await readSession(own.sid, true)).toMatchObject({ user: { email: "ana@example.com" } });
    const rows = await prisma().userSession.findMany({ where: { userId: bo.id } });
    expect(rows.map((r) => r.endReason)).toEqual(["revoked", "revoked"]);
    expect(rows.every((r) => r.endedAt !== null)).toBe(true);
    const lines = await prisma().auditLog.findMany({ where: { action: "session.revoked" } });
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.userId === ana.id && l.target === "user:bo@example.com")).toBe(true);
    expect(await revokeUserSessions(bo.id, ana.id)).toEqual({ ok: true, email: "bo@example.com", ended: 0 });
  });
});

describe("the users list", () => {
  it("shows each person's role, its source, groups, last sign-in and only the sessions that would still let them in", async () => {
    const now = new Date();
    const ana = await person("ana@example.com", "admin", "config");
    const bo = await person("bo@example.com", "viewer");
    await person("cy@example.com", "responder", "mapping");
    await startSession(ana.email, meta, now);
    await startSession(bo.email, meta, now);
    const signedOut = await startSession(bo.email, meta, now);
    await prisma().userSession.update({ where: { id: signedOut.sid }, data: { endedAt: now, endReason: "signed-out" } });
    const expired = await startSession(bo.email, meta, now);
    await prisma().userSession.update({ where: { id: expired.sid }, data: { expiresAt: new Date(now.getTime() - 1000) } });
    const idle = await startSession(bo.email, meta, now);
    await prisma().userSession.update({ where: { id: idle.sid }, data: { lastActiveAt: new Date(now.getTime() - 31 * 60_000) } });

    const users = await listUsers(now, 30);

    expect(users.map((u) => [u.email, u.role, u.roleSource, u.liveSessions])).toEqual([
      ["ana@example.com", "admin", "config", 1],
      ["bo@example.com", "viewer", "default", 1],
      ["cy@example.com", "responder", "mapping", 0],
    ]);
    expect(users[1]).toMatchObject({ id: bo.id, name: "bo", groups: ["oncall"], lastLoginAt: "2026-12-06T09:30:00.000Z" });
  });
});
