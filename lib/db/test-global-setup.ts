import { rebuildDatabase } from "./rebuild-database.ts";

// Integration tests run against the machine's real PostgreSQL, in a database of their own that is
// rebuilt from the migrations on every run (so a migration that does not apply cleanly fails here).
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/uptrust_test";

export default async function setup() {
  await rebuildDatabase(TEST_DATABASE_URL);
  process.env.DATABASE_URL = TEST_DATABASE_URL;
}
