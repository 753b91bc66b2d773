import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env.ts";
import { resolveDatabase } from "./embedded.ts";
import { migrate } from "./migrate.ts";

// The newcomer's database: with DATABASE_URL unset, an embedded PostgreSQL in the data folder that
// takes Uptrust's migrations and keeps its data across restarts.
describe("embedded database", () => {
  it("applies the migrations, serves SQL over the wire and keeps data across a restart", async () => {
    const env = parseEnv({ UPTRUST_DATA_DIR: mkdtempSync(join(tmpdir(), "uptrust-embedded-")), UPTRUST_EMBEDDED_DB_PORT: "5591" });
    const first = await resolveDatabase(env);
    expect(first.embedded).toBe(true);
    expect((await migrate(first.url)).applied).toContain("20261125000000_init");
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query(`INSERT INTO clusters (name, server) VALUES ('kept', 'https://k8s.example.com')`);
    await client.end();
    await first.stop();

    const second = await resolveDatabase(env);
    expect((await migrate(second.url)).applied).toEqual([]);
    const again = new pg.Client({ connectionString: second.url });
    await again.connect();
    const { rows } = await again.query(`SELECT server FROM clusters WHERE name = 'kept'`);
    await again.end();
    await second.stop();
    expect(rows).toEqual([{ server: "https://k8s.example.com" }]);
  }, 60_000);

  it("uses DATABASE_URL instead when it is set", async () => {
    const db = await resolveDatabase(parseEnv({ DATABASE_URL: "postgresql://uptrust@db.example.com:5432/uptrust" }));
    expect(db).toMatchObject({ embedded: false, url: "postgresql://uptrust@db.example.com:5432/uptrust" });
  });
});
