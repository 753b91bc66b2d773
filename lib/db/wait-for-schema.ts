import { sleep } from "@/lib/sleep.ts";
import { pendingMigrations, pendingSentence } from "./pending-migrations.ts";
import { getPool } from "./pool.ts";

/**
 * A worker starts only on a schema its code knows: with plain manifests the migration Job runs beside the
 * Deployments, and in an upgrade the new worker may start before the new tables exist. It says once what it waits
 * for, then checks every few seconds. A database that does not answer is not waited for here: each worker already
 * rides out an outage (ingest buffers, analyze retries). False when stopped while waiting.
 */
export async function waitForSchema(
  worker: string, signal: AbortSignal, intervalMs = 5_000, check = () => pendingMigrations(getPool()),
): Promise<boolean> {
  let waited = false;
  while (!signal.aborted) {
    const pending = await check().catch(() => []);
    if (pending.length === 0) {
      if (waited) console.log(`[${worker}] the database schema is current; starting`);
      return true;
    }
    if (!waited) console.log(`[${worker}] waiting: ${pendingSentence(pending)}`);
    waited = true;
    await sleep(intervalMs, signal);
  }
  return false;
}
