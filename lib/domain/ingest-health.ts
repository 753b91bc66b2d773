// What the cockpit says about one cluster's ingest, from the facts workers record: the status the
// holding worker last wrote, its heartbeat (every 5 s), its lease and how far its write buffers lag.
// A status is only as fresh as its heartbeat: a worker killed outright cannot write "stopped", so a
// silent heartbeat or a lapsed lease is reported as stale instead of trusting the last word.

export type IngestFacts = {
  status: string;
  lastError: string | null;
  lastSyncAt: Date | null;
  lagMs: number | null;
  droppedRows: number;
  holder: string | null;
  leaseExpiresAt: Date | null;
};

export type IngestState = "pending" | "connected" | "degraded" | "unreachable" | "stopped" | "stale";
export type IngestHealth = { state: IngestState; summary: string };

/** How a worker records a registration it cannot use (workers/ingest/fleet.ts). */
export const INVALID_REGISTRATION = "registration invalid:";

/** Twelve missed heartbeats: long past any pause a busy worker or a database failover causes. */
export const STALE_AFTER_MS = 60_000;
/** Behind by more than this, the cockpit's "now" is visibly late. */
export const LAGGING_AFTER_MS = 30_000;

export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}

export function ingestHealth(f: IngestFacts, now: Date): IngestHealth {
  const dropped = f.droppedRows > 0 ? `; ${f.droppedRows} facts could not be stored during database outages` : "";
  if (f.status === "pending") return { state: "pending", summary: "waiting for an ingest worker to connect" };
  if (f.status === "stopped") {
    const before = f.lastError ? ` (its last error: ${f.lastError})` : "";
    return { state: "stopped", summary: `no ingest worker is running for this cluster${before}${dropped}` };
  }
  // No worker takes a cluster whose registered kubeconfig cannot be read: it has no lease by design.
  if (f.lastError?.startsWith(INVALID_REGISTRATION)) {
    return { state: "unreachable", summary: `${f.lastError}; register it again with a valid kubeconfig (npm run cluster:register)` };
  }
  const silentMs = f.lastSyncAt ? now.getTime() - f.lastSyncAt.getTime() : Infinity;
  const leaseLapsed = !f.holder || (f.leaseExpiresAt !== null && f.leaseExpiresAt.getTime() < now.getTime());
  if (silentMs > STALE_AFTER_MS || leaseLapsed) {
    const since = Number.isFinite(silentMs) ? `for ${formatAge(silentMs)}` : "yet";
    return { state: "stale", summary: `no ingest heartbeat ${since}: the worker holding this cluster stopped; a running worker takes it over${dropped}` };
  }
  const lag = f.lagMs ?? 0;
  const by = f.holder ? ` by ${f.holder}` : "";
  if (f.status === "unreachable") return { state: "unreachable", summary: `the API server cannot be reached${by}: ${f.lastError ?? "no error recorded"}; retrying${dropped}` };
  if (f.status === "degraded") return { state: "degraded", summary: `${f.lastError ?? "ingest degraded"}${dropped}` };
  if (lag > LAGGING_AFTER_MS) return { state: "degraded", summary: `ingest is ${formatAge(lag)} behind the cluster${by}${dropped}` };
  return { state: "connected", summary: `ingesting${by}, ${formatAge(lag)} behind${dropped}` };
}
