// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { migrate } from "@/lib/db/migrate.ts";
import { resolveDatabase } from "@/lib/db/embedded.ts";
import { ConfigError } from "@/lib/env.ts";
import { explainConnectionError } from "@/lib/db/explain-connection-error.ts";
import { loadSecretFiles } from "@/lib/secret-files.ts";

try {
  loadSecretFiles();
  const db = await resolveDatabase();
  const result = await migrate(db.url).catch((err) => {
    throw new ConfigError([explainConnectionError(err, db.url, db.embedded)]);
  });
  console.log(result.applied.length ? `applied: ${result.applied.join(", ")}` : "database is up to date", `(${result.alreadyApplied} already applied)`);
  await db.stop();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `migration failed: ${(err as Error).message}`);
  process.exit(1);
}
