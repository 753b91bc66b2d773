import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAuditFilter, type AuditFilter } from "@/lib/domain/audit-filter.ts";
import { disconnectPrisma, prisma } from "../client.ts";
import { listAudit } from "./list-audit.ts";

const t0 = Date.parse("2026-12-06T09:00:00Z");
const minute = (n: number) => new Date(t0 + n * 60_000);

// What a morning in the audit log looks like; several lines share a time, as one request's lines do.
beforeAll(async () => {
  await prisma().auditLog.deleteMany({});
  await prisma().user.deleteMany({});
  const ana = await prisma().user.create({ data: { email: "ana@example.com", role: "admin" } });
  const bo = await prisma().user.create({ data: { email: "bo_ops@example.com", role: "responder" } });
  const lines = [
    { userId: ana.id, action: "sign-in", target: "user:ana@example.com", at: minute(0) },
    { userId: bo.id, action: "sign-in", target: "user:bo_ops@example.com", at: minute(1) },
    { userId: bo.id, action: "incident.note", target: "incident:4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90", at: minute(2) },
    { userId: ana.id, action: "role.change", target: "user:bo_ops@example.com", at: minute(3), detail: { from: "viewer", to: "responder" } },
    { userId: ana.id, action: "session.revoked", target: "user:bo_ops@example.com", at: minute(4) },
    { userId: ana.id, action: "session.revoked", target: "user:bo_ops@example.com", at: minute(4) },
    { userId: null, action: "session.idle", target: "user:ana@example.com", at: minute(5) },
    { userId: null, action: "sessionless.other", target: "x", at: minute(6) },
  ];
  for (const line of lines) await prisma().auditLog.create({ data: line });
});
afterAll(() => disconnectPrisma());

const actions = async (filter: AuditFilter, size?: number) => (await listAudit(filter, size)).entries.map((e) => `${e.action} ${e.who ?? "-"}`);
const filter = (query: Record<string, string>) => {
  const parsed = parseAuditFilter(query);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return parsed.filter;
};

describe("the audit log as an admin reads it", () => {
  it("lists the newest first, with who acted", async () => {
    const page = await listAudit({});
    expect(page.entries[0]).toMatchObject({ action: "sessionless.other", who: null, at: "2026-12-06T09:06:00.000Z" });
    expect(page.entries.at(-1)).toMatchObject({ action: "sign-in", who: "ana@example.com", target: "user:ana@example.com" });
    expect(page.entries.find((e) => e.action === "role.change")?.detail).toEqual({ from: "viewer", to: "responder" });
    expect(page.older).toBeNull();
  });

  it("pages through every line exactly once, lines sharing a time included", async () => {
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const page = await listAudit(before ? filter({ before }) : {}, 3);
      seen.push(...page.entries.map((e) => e.id));
      before = page.older;
      pages++;
    } while (before);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
  });

  it("filters by the start of an action: session. is not sessionless", async () => {
    expect(await actions(filter({ action: "session." }))).toEqual(["session.idle -", "session.revoked ana@example.com", "session.revoked ana@example.com"]);
  });

  it("filters by a person: what they did and what was done to their account", async () => {
    expect(await actions(filter({ user: "BO_OPS@" }))).toEqual([
      "session.revoked ana@example.com",
      "session.revoked ana@example.com",
      "role.change ana@example.com",
      "incident.note bo_ops@example.com",
      "sign-in bo_ops@example.com",
    ]);
  });

  it("reads an underscore in an email as itself, not as any character", async () => {
    expect(await actions(filter({ user: "bo_" }))).toHaveLength(5);
    expect(await actions(filter({ user: "an_" }))).toEqual([]);
  });

  it("filters by a UTC time range, from included and to excluded", async () => {
    expect(await actions(filter({ from: "2026-12-06T09:01", to: "2026-12-06T09:03" }))).toEqual(["incident.note bo_ops@example.com", "sign-in bo_ops@example.com"]);
  });
});
