import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePrismaSchema } from "./prisma-schema-model.ts";
import { describeDatabase, diffSchema } from "./schema-drift.ts";

const model = parsePrismaSchema(readFileSync("prisma/schema.prisma", "utf8"));
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

describe("schema.prisma and the migrated database", () => {
  it("describe the same tables, columns, keys, indexes, foreign keys and enums", async () => {
    expect(model.tables.length).toBeGreaterThan(15);
    expect(diffSchema(model, await describeDatabase(client))).toEqual([]);
  });

  it("a column added by hand in the database is reported as drift, naming table and column", async () => {
    await client.query("BEGIN");
    try {
      await client.query(`ALTER TABLE pods ADD COLUMN priority_class text`);
      await client.query(`ALTER TABLE nodes ALTER COLUMN kubelet_version SET NOT NULL`);
      const problems = diffSchema(model, await describeDatabase(client));
      expect(problems).toContain("pods.priority_class exists in the database but not in model Pod");
      expect(problems).toContain("nodes.kubelet_version: schema.prisma says optional, the database column is NOT NULL");
    } finally {
      await client.query("ROLLBACK");
    }
  });

  it("events and log lines are partitioned by month, usage samples by day, with the current one prepared", async () => {
    const { rows } = await client.query<{ parent: string; child: string }>(
      `SELECT p.relname AS parent, c.relname AS child FROM pg_inherits i
       JOIN pg_class p ON p.oid = i.inhparent JOIN pg_class c ON c.oid = i.inhrelid`,
    );
    const month = new Date().toISOString().slice(0, 7).replace("-", "_");
    const day = new Date().toISOString().slice(0, 10).replaceAll("-", "_");
    for (const [table, current] of [["k8s_events", month], ["log_lines", month], ["usage_samples", day]]) {
      const children = rows.filter((r) => r.parent === table).map((r) => r.child);
      expect(children).toContain(`${table}_${current}`);
      expect(children).toContain(`${table}_default`);
    }
  });

  it("the migration ledger is Prisma's, so `prisma migrate deploy` can take over", async () => {
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at FROM _prisma_migrations`);
    expect(rows.map((r) => r.migration_name)).toContain("20261125000000_init");
    expect(rows.every((r) => r.finished_at !== null && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });
});
