import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db/client.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { EVERYTHING, parseScope, scopeSearch } from "@/lib/domain/scope.ts";
import { readSavedScope } from "./read-saved-scope.ts";
import { saveScope } from "./save-scope.ts";

let sre = "";
let viewer = "";

beforeAll(async () => {
  await getPool().query("TRUNCATE users CASCADE");
  sre = (await prisma().user.create({ data: { email: "sre@example.com", role: "responder" } })).id;
  viewer = (await prisma().user.create({ data: { email: "viewer@example.com", role: "viewer" } })).id;
});

afterAll(async () => {
  await disconnectPrisma();
  await closePools();
});

describe("the scope each person last chose", () => {
  it("is nothing for someone who never chose one", async () => {
    expect(await readSavedScope(sre)).toBe("");
  });

  it("is remembered per person, the last choice replacing the one before", async () => {
    const shop = scopeSearch({ ...EVERYTHING, clusters: ["prod-eu"], namespaces: ["payments", "shop"] }).toString();
    await saveScope(sre, "cluster=staging");
    await saveScope(sre, shop);
    await saveScope(viewer, "range=6h");
    expect(await readSavedScope(sre)).toBe(shop);
    expect(parseScope(new URLSearchParams(await readSavedScope(sre))).scope.namespaces).toEqual(["payments", "shop"]);
    expect(await readSavedScope(viewer)).toBe("range=6h");
  });

  it("goes back to everything when the person clears the scope", async () => {
    await saveScope(sre, "");
    expect(await readSavedScope(sre)).toBe("");
  });

  it("leaves with the person", async () => {
    await prisma().user.delete({ where: { id: viewer } });
    const { rows } = await getPool().query(`SELECT 1 FROM user_preferences WHERE user_id = $1`, [viewer]);
    expect(rows).toEqual([]);
  });
});
