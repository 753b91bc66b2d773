import { pendingMigrations, pendingSentence } from "../pending-migrations.ts";
import { getPool } from "../pool.ts";
import { getClusterChips } from "./get-cluster-chips.ts";

export type Health = {
  ok: boolean;
  database: string; // "ok" | "error: <message>"
  clusters: {
    name: string;
    status: string;
    summary: string;
    lastEventAt: string | null;
    lastHeartbeatAt: string | null;
    ingestLagMs: number | null;
    droppedRows: number;
    worker: string | null;
    lastError: string | null;
  }[];
};

// Healthy means the database answers; a cluster being unreachable or stale is reported, not a failure
// of Uptrust itself (a probe that restarted the app for it would fix nothing).
// A schema behind the code is not ready either: with plain manifests the migration Job runs beside the web pods,
// and in an upgrade a new pod may start before it has finished; the probe keeps traffic off until it has.
export async function getHealth(): Promise<Health> {
  try {
    // Once current, the schema stays current for this process (its code cannot change): the probe stops asking.
    if (!schemaCurrent) {
      const pending = await pendingMigrations(getPool());
      if (pending.length) {
        logSchemaBehind(pending);
        return { ok: false, database: `error: ${pendingSentence(pending)}`, clusters: [] };
      }
      schemaCurrent = true;
    }
    const chips = await getClusterChips();
    return {
      ok: true,
      database: "ok",
      clusters: chips.map((c) => ({
        name: c.name,
        status: c.status,
        summary: c.summary,
        lastEventAt: c.lastEventAt,
        lastHeartbeatAt: c.lastSyncAt,
        ingestLagMs: c.lagMs,
        droppedRows: c.droppedRows,
        worker: c.worker,
        lastError: c.lastError,
      })),
    };
  } catch (err) {
    return { ok: false, database: `error: ${err instanceof Error ? err.message : String(err)}`, clusters: [] };
  }
}

let schemaCurrent = false;

// The probe asks every 10 s; the web log says it once a minute.
let lastLogged = 0;
function logSchemaBehind(pending: readonly string[]) {
  if (Date.now() - lastLogged < 60_000) return;
  lastLogged = Date.now();
  console.error(`[health] not ready: ${pendingSentence(pending)}`);
}
