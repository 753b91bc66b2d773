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
export async function getHealth(): Promise<Health> {
  try {
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
