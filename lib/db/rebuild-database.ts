import pg from "pg";
import { migrate } from "./migrate.ts";

// A database of its own for tests and benchmarks, dropped and rebuilt from the migrations each run,
// so a migration that does not apply cleanly fails there first.
export async function rebuildDatabase(url: string): Promise<void> {
  const dbName = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${dbName}"`);
  } finally {
    await client.end();
  }
  await migrate(url);
}
