import type pg from "pg";

// The clusters row is Uptrust's view of one watched context: how to reach it, whether ingest can,
// and the latest cluster time seen (`last_event_at`), which analyzers use as "now" for that cluster.

export async function upsertCluster(db: pg.Pool, name: string, server: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO clusters (name, server) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET server = EXCLUDED.server
     RETURNING id`,
    [name, server],
  );
  return rows[0].id;
}

export type ClusterStatus = "connected" | "unreachable" | "degraded" | "stopped";

/** last_sync_at is the ingest's own heartbeat (wall clock): the one time the cluster cannot give us. */
export async function setClusterStatus(db: pg.Pool, clusterId: string, status: ClusterStatus, lastError: string | null): Promise<void> {
  await db.query(`UPDATE clusters SET status = $2, last_error = $3, last_sync_at = now() WHERE id = $1`, [clusterId, status, lastError]);
}

/** A worker stopping cleanly: the last error stays ("stopped, and before that it could not reach the API server"). */
export async function markClusterStopped(db: pg.Pool, clusterId: string): Promise<void> {
  await db.query(`UPDATE clusters SET status = 'stopped', last_sync_at = now() WHERE id = $1`, [clusterId]);
}

/** The heartbeat: how far behind the write buffers are, and how many facts an outage cost. */
export async function recordIngestProgress(db: pg.Pool, clusterId: string, lagMs: number, newlyDropped: number): Promise<void> {
  await db.query(
    `UPDATE clusters SET ingest_lag_ms = $2, dropped_rows = dropped_rows + $3, last_sync_at = now() WHERE id = $1`,
    [clusterId, Math.round(lagMs), newlyDropped],
  );
}

/**
 * Moves the cluster's clock forward only: a late event or an older list never makes "now" go back. When it
 * moves, clock_read_at notes the wall time, so alerts (wall-clock times) can be placed on it.
 */
export async function advanceClusterClock(db: pg.Pool, clusterId: string, clusterTime: Date): Promise<void> {
  await db.query(
    `UPDATE clusters SET last_event_at = GREATEST(COALESCE(last_event_at, $2), $2), last_sync_at = now(),
            clock_read_at = CASE WHEN last_event_at IS NULL OR $2 > last_event_at THEN now() ELSE clock_read_at END
      WHERE id = $1`,
    [clusterId, clusterTime],
  );
}

export async function readClusterClock(db: pg.Pool, clusterId: string): Promise<Date | undefined> {
  const { rows } = await db.query<{ last_event_at: Date | null }>(`SELECT last_event_at FROM clusters WHERE id = $1`, [clusterId]);
  return rows[0]?.last_event_at ?? undefined;
}
