import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashShareToken } from "@/lib/auth/share-token.ts";
import { disconnectPrisma, prisma } from "@/lib/db/client.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { seedCockpitFixture } from "@/lib/db/queries/cockpit-fixture.ts";
import { createShareLink } from "./create-share-link.ts";
import { listShareLinks } from "./list-share-links.ts";
import { findShareLink, openShareLink } from "./open-share-link.ts";
import { revokeShareLink } from "./revoke-share-link.ts";

const DAY = 86_400_000;
const now = new Date("2026-11-25T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
let incidentId = "";
let otherIncidentId = "";
const users = { rae: { id: "", role: "responder" }, ray: { id: "", role: "responder" }, root: { id: "", role: "admin" }, vic: { id: "", role: "viewer" } };

const auditOf = async (action: string) =>
  (await getPool().query<{ user_id: string | null; target: string; detail: Record<string, unknown> }>(`SELECT user_id, target, detail FROM audit_log WHERE action = $1 ORDER BY id`, [action])).rows;

beforeAll(async () => {
  // The fixture writes MTTR weeks too, which belong to no cluster: clear them like the cockpit's own test does.
  await getPool().query("TRUNCATE clusters, users, audit_log, mttr_weeks CASCADE");
  await seedCockpitFixture(getPool());
  [{ id: incidentId }, { id: otherIncidentId }] = (await getPool().query<{ id: string }>("SELECT id FROM incidents ORDER BY started_at LIMIT 2")).rows;
  for (const [key, u] of Object.entries(users)) {
    const row = await prisma().user.create({ data: { email: `${key}@example.com`, name: key === "ray" ? null : `${key[0].toUpperCase()}${key.slice(1)} Example`, role: u.role as "viewer" } });
    u.id = row.id;
  }
});
afterAll(async () => {
  await closePools();
  await disconnectPrisma();
});

describe("creating a share link", () => {
  it("hands out a 256-bit token once and stores only its hash, with a 7-day expiry by default, audited", async () => {
    const created = await createShareLink(incidentId, users.rae.id, { view: "external", days: 7 }, now);
    expect(created?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created?.expiresAt.toISOString()).toBe("2026-12-02T12:00:00.000Z");
    const { rows } = await getPool().query("SELECT * FROM share_links WHERE id = $1", [created!.id]);
    expect(rows[0].token_hash).toBe(hashShareToken(created!.token));
    expect(JSON.stringify(rows[0])).not.toContain(created!.token);
    expect((await auditOf("share.create")).at(-1)).toEqual({
      user_id: users.rae.id, target: `share-link:${created!.id}`, detail: { incidentId, view: "external", days: 7, expiresAt: "2026-12-02T12:00:00.000Z" },
    });
  });

  it("is refused for an incident that does not exist", async () => {
    expect(await createShareLink("4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90", users.rae.id, { view: "internal", days: 1 }, now)).toBeNull();
  });
});

describe("opening a share link", () => {
  it("counts each open, remembers the last, audits it with the address, and a refresh is not an open", async () => {
    const { token, id } = (await createShareLink(incidentId, users.rae.id, { view: "internal", days: 30 }, later(100)))!;
    expect(await openShareLink(token, "203.0.113.7", later(1000))).toEqual({ id, incidentId, view: "internal", expiresAt: later(100 + 30 * DAY), sharedBy: "Rae Example" });
    await openShareLink(token, "198.51.100.2", later(2000));
    expect(await findShareLink(token, later(3000))).toMatchObject({ id });
    const row = await prisma().shareLink.findUniqueOrThrow({ where: { id } });
    expect([row.opens, row.lastOpenedAt?.toISOString()]).toEqual([2, later(2000).toISOString()]);
    const opens = (await auditOf("share.open")).filter((a) => a.target === `share-link:${id}`);
    expect(opens).toEqual([
      { user_id: null, target: `share-link:${id}`, detail: { incidentId, address: "203.0.113.7" } },
      { user_id: null, target: `share-link:${id}`, detail: { incidentId, address: "198.51.100.2" } },
    ]);
  });

  it("names a sharer without a name by the first part of their address, never the whole of it", async () => {
    const { token } = (await createShareLink(incidentId, users.ray.id, { view: "external", days: 1 }, later(200)))!;
    expect((await findShareLink(token, now))?.sharedBy).toBe("ray");
  });

  it("opens nothing with a changed character, a malformed token, after expiry or after revocation, and counts none of them", async () => {
    const { token, id } = (await createShareLink(incidentId, users.rae.id, { view: "external", days: 1 }, later(300)))!;
    const tampered = `${token.slice(0, 5)}${token[5] === "x" ? "y" : "x"}${token.slice(6)}`;
    expect(await openShareLink(tampered, "203.0.113.9", now)).toBeNull();
    expect(await openShareLink("not-a-token", "203.0.113.9", now)).toBeNull();
    expect(await openShareLink(token, "203.0.113.9", later(300 + DAY))).toBeNull();
    expect(await findShareLink(token, later(300 + DAY))).toBeNull();
    expect(await openShareLink(token, "203.0.113.9", later(300 + DAY - 1))).not.toBeNull();
    await revokeShareLink(id, users.rae, later(2000));
    expect(await openShareLink(token, "203.0.113.9", later(3000))).toBeNull();
    expect((await prisma().shareLink.findUniqueOrThrow({ where: { id } })).opens).toBe(1);
  });
});

describe("revoking a share link", () => {
  it("is for its creator or an admin; a second revocation says when the first was", async () => {
    const { id } = (await createShareLink(incidentId, users.rae.id, { view: "external", days: 7 }, later(400)))!;
    expect(await revokeShareLink(id, users.ray, now)).toEqual({ ok: false, status: 403, error: "Only the person who created this link, or an admin, may revoke it" });
    expect(await revokeShareLink(id, users.vic, now)).toMatchObject({ ok: false, status: 403 });
    expect(await revokeShareLink(id, users.root, later(5000))).toEqual({ ok: true, revokedAt: later(5000) });
    expect(await revokeShareLink(id, users.rae, later(6000))).toEqual({ ok: false, status: 409, error: `This link was already revoked at ${later(5000).toISOString()}` });
    expect(await revokeShareLink("4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90", users.root, now)).toMatchObject({ ok: false, status: 404 });
    expect((await auditOf("share.revoke")).filter((a) => a.target === `share-link:${id}`)).toEqual([{ user_id: users.root.id, target: `share-link:${id}`, detail: { incidentId } }]);
  });
});

describe("listing share links", () => {
  it("per incident and across incidents, newest first, with creator, view, expiry, opens, state and who may revoke", async () => {
    const other = (await createShareLink(otherIncidentId, users.ray.id, { view: "internal", days: 2 }, later(60_000)))!;
    const mine = await listShareLinks({ incidentId }, users.rae, later(2 * DAY));
    expect(mine.every((l) => l.incident.id === incidentId)).toBe(true);
    expect(mine.map((l) => l.state)).toEqual(["revoked", "revoked", "expired", "active", "active"]);
    expect(mine[0]).toMatchObject({ createdBy: "Rae Example", revokedBy: "Root Example", view: "external", canRevoke: false });
    expect(mine.find((l) => l.state === "active" && l.view === "internal")).toMatchObject({ opens: 2, lastOpenedAt: later(2000).toISOString(), canRevoke: true });
    expect(mine.find((l) => l.createdBy === "ray@example.com")).toMatchObject({ canRevoke: false });
    const all = await listShareLinks({}, users.root, later(2 * DAY));
    expect(all[0]).toMatchObject({ id: other.id, incident: { id: otherIncidentId }, createdBy: "ray@example.com", canRevoke: true, state: "active" });
    expect(all).toHaveLength(mine.length + 1);
  });
});
