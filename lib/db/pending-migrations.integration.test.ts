import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { listMigrations, migrate } from "./migrate.ts";
import { pendingMigrations } from "./pending-migrations.ts";
import { closePools, getPool } from "./pool.ts";
import { getHealth } from "./queries/get-health.ts";
import { TEST_DATABASE_URL } from "./test-global-setup.ts";

// A database whose schema is behind the code: with plain manifests the migration Job runs beside the Deployments,
// so the web pods must not take traffic and the workers must not start until it has run.
const MIGRATIONS = join(process.cwd(), "prisma", "migrations");
const all = listMigrations(MIGRATIONS).map((m) => m.name);
const scratch = new URL(TEST_DATABASE_URL);
scratch.pathname = `/uptrust_schema_behind_${process.pid}`;
const url = scratch.toString();

async function admin(sql: string) {
  const server = new URL(TEST_DATABASE_URL);
  server.pathname = "/postgres";
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

// The schema as the previous version left it: every migration but the newest.
function migrateAllButNewest() {
  const dir = mkdtempSync(join(tmpdir(), "uptrust-migrations-"));
  for (const name of all.slice(0, -1)) cpSync(join(MIGRATIONS, name), join(dir, name), { recursive: true });
  return migrate(url, dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

beforeEach(async () => {
  await closePools();
  await admin(`DROP DATABASE IF EXISTS "${scratch.pathname.slice(1)}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${scratch.pathname.slice(1)}"`);
});
afterAll(async () => {
  await closePools();
  await admin(`DROP DATABASE IF EXISTS "${scratch.pathname.slice(1)}" WITH (FORCE)`);
});

describe("a database behind this version of Uptrust", () => {
  it("lists what is missing: everything in an empty database, the newest one after the previous version's migration", async () => {
    expect(await pendingMigrations(getPool(url))).toEqual(all);
    await migrateAllButNewest();
    expect(await pendingMigrations(getPool(url))).toEqual([all.at(-1)]);
    await migrate(url);
    expect(await pendingMigrations(getPool(url))).toEqual([]);
  });

  it("keeps the web app out of service (health 503) and says which migration it waits for, until it has run", async () => {
    await migrateAllButNewest();
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    try {
      expect(await getHealth()).toEqual({
        ok: false, clusters: [],
        database: `error: the database schema is 1 migration behind this version of Uptrust (next: ${all.at(-1)}); the migration applies it: `
          + "the chart's uptrust-migrate Job, docker compose's migrate service, or `npx tsx prisma/migrate.ts` with DATABASE_URL set",
      });
      await migrate(url);
      expect(await getHealth()).toMatchObject({ ok: true, database: "ok" });
    } finally {
      process.env.DATABASE_URL = previous;
    }
  });

  it("holds the analyze worker until the migration has run, then it starts analysing", async () => {
    await migrateAllButNewest();
    const worker = spawn(process.execPath, ["--import", "tsx", "workers/analyze/main.ts"], {
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: "a-test-auth-secret-that-is-long-enough-0123456789", UPTRUST_ANALYZE_INTERVAL_MS: "500" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    worker.stdout.on("data", (b: Buffer) => (out += b.toString()));
    worker.stderr.on("data", (b: Buffer) => (out += b.toString()));
    const said = (text: string, timeoutMs = 30_000) =>
      expect.poll(() => out, { timeout: timeoutMs, interval: 200 }).toContain(text);
    try {
      await said(`[analyze] waiting: the database schema is 1 migration behind this version of Uptrust (next: ${all.at(-1)})`);
      await new Promise((r) => setTimeout(r, 1500));
      expect(out).not.toMatch(/analysing every|cycle failed|pass failed/);
      await migrate(url);
      await said("[analyze] the database schema is current; starting", 15_000);
      await said("[analyze] analysing every 500 ms");
    } finally {
      worker.kill("SIGTERM");
      await new Promise((r) => worker.once("exit", r));
    }
    expect(out).not.toMatch(/cycle failed|pass failed/);
  });
});
