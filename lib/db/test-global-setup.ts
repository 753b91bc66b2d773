import pg from "pg";
import { migrate } from "./migrate.ts";

// Integration tests run against the machine's real PostgreSQL, in a database of their own that is
// rebuilt from the migrations on every run (so a migration that does not apply cleanly fails here).
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/uptrust_test";

export default async function setup() {
  const target = new URL(TEST_DATABASE_URL);
  const dbName = target.pathname.slice(1);
  const admin = new URL(TEST_DATABASE_URL);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${dbName}"`);
  await client.end();
  await migrate(TEST_DATABASE_URL);
  process.env.DATABASE_URL = TEST_DATABASE_URL;
}
