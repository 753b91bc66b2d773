import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type pg from "pg";

const shipped = new Map<string, string[]>();

// The migration folders this build ships (as migrate.ts lists them), read at run time: the web server's bundle must
// not trace the folder (turbopackIgnore), or Turbopack would pull the whole project into it. A build without its
// migrations folder cannot tell what it needs, and so does not hold anything back.
function shippedMigrations(dir: string): string[] {
  if (!shipped.has(dir)) {
    const names = existsSync(/* turbopackIgnore: true */ dir)
      ? readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
      : [];
    shipped.set(dir, names);
  }
  return shipped.get(dir)!;
}

/**
 * The migrations this version of Uptrust ships that the database has not finished, oldest first: empty when the
 * schema is current, or ahead of this version (a rollback keeps the newer tables, which the older code ignores).
 */
export async function pendingMigrations(db: Pick<pg.Pool, "query">, dir = join(process.cwd(), "prisma", "migrations")): Promise<string[]> {
  const names = shippedMigrations(dir);
  const { rows } = await db.query<{ ledger: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS ledger`);
  if (!rows[0]?.ledger) return [...names];
  const done = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(done.rows.map((r) => r.migration_name));
  return names.filter((n) => !applied.has(n));
}

/** What an operator reads while the schema is behind: how far, and what applies it. */
export function pendingSentence(pending: readonly string[]): string {
  const count = pending.length === 1 ? "1 migration" : `${pending.length} migrations`;
  return `the database schema is ${count} behind this version of Uptrust (next: ${pending[0]}); the migration applies it: `
    + "the chart's uptrust-migrate Job, docker compose's migrate service, or `npx tsx prisma/migrate.ts` with DATABASE_URL set";
}
