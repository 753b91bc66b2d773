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

  it("answers every connection with its own query while a bulk write arrives in pieces", async () => {
    const env = parseEnv({ UPTRUST_DATA_DIR: mkdtempSync(join(tmpdir(), "uptrust-embedded-")), UPTRUST_EMBEDDED_DB_PORT: "5592" });
    const db = await resolveDatabase(env);
    const pool = new pg.Pool({ connectionString: db.url, max: 8 });
    // Every tenth query carries a 20,000-element array (a bulk ingest's shape): its Bind message
    // spans several TCP chunks, the moment other connections' queries used to slip in between.
    const answers = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const bulk = i % 10 === 0;
        try {
          const { rows } = bulk
            ? await pool.query(`SELECT $1::int * 2 AS v, cardinality($2::text[]) AS n`, [i, Array.from({ length: 20_000 }, (_, k) => `sample-${k}`)])
            : await pool.query(i % 2 ? `SELECT $1::int + 1000 AS v` : `SELECT $1::int * 2 AS v, 'x' AS w`, [i]);
          return rows[0].v === (i % 2 ? i + 1000 : i * 2) && (!bulk || rows[0].n === 20_000) ? "right" : "wrong answer";
        } catch (err) {
          return (err as Error).message;
        }
      }),
    );
    await pool.end();
    await db.stop();
    expect(answers.filter((a) => a !== "right")).toEqual([]);
  }, 60_000);

  it("uses DATABASE_URL instead when it is set", async () => {
    const db = await resolveDatabase(parseEnv({ DATABASE_URL: "postgresql://uptrust@db.example.com:5432/uptrust" }));
    expect(db).toMatchObject({ embedded: false, url: "postgresql://uptrust@db.example.com:5432/uptrust" });
  });
});
