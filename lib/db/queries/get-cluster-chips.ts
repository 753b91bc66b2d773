import { getPool } from "@/lib/db/pool.ts";
import { ingestHealth } from "@/lib/domain/ingest-health.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { ClusterChip } from "@/lib/views/cluster.ts";
import { isoOrNull, num, numOrNull } from "./map-rows.ts";

type ChipRow = {
  id: string; name: string; status: string; last_error: string | null; last_sync_at: Date | null; last_event_at: Date | null; ingest_lag_ms: number | null;
  dropped_rows: number; holder: string | null; expires_at: Date | null; db_now: Date;
};

// Each cluster with its ingest health, judged against the database's clock (the same clock workers'
// heartbeats and leases are written with), so an app server with a skewed clock still tells the truth.
// One statement reads the rows and that clock. A scope naming clusters keeps those (namespaces and a
// service search narrow what runs in a cluster, not which clusters there are).
export async function getClusterChips(scope?: Pick<Scope, "clusters">): Promise<ClusterChip[]> {
  const clusters = scope?.clusters.length ? scope.clusters : null;
  const { rows } = await getPool().query<ChipRow>(
    `SELECT c.id, c.name, c.status, c.last_error, c.last_sync_at, c.last_event_at, c.ingest_lag_ms, c.dropped_rows, l.holder, l.expires_at, now() AS db_now
       FROM clusters c LEFT JOIN ingest_leases l ON l.cluster_id = c.id
      WHERE $1::text[] IS NULL OR c.name = ANY($1)
      ORDER BY c.name`,
    [clusters],
  );
  return rows.map((c) => {
    const health = ingestHealth(
      {
        status: c.status,
        lastError: c.last_error,
        lastSyncAt: c.last_sync_at,
        lagMs: c.ingest_lag_ms,
        droppedRows: num(c.dropped_rows),
        holder: c.holder,
        leaseExpiresAt: c.expires_at,
      },
      c.db_now,
    );
    return {
      id: c.id,
      name: c.name,
      status: health.state,
      summary: health.summary,
      lastEventAt: isoOrNull(c.last_event_at),
      lastSyncAt: isoOrNull(c.last_sync_at),
      lagMs: numOrNull(c.ingest_lag_ms),
      droppedRows: num(c.dropped_rows),
      worker: c.holder,
      lastError: c.last_error,
    };
  });
}

// The cockpit measures "now" on the clusters' clock (their newest report), so a replayed or skewed
// cluster still shows its last 24 hours; with no cluster data yet, the server clock stands in.
export function clusterNow(chips: ClusterChip[], fallback: Date): Date {
  const times = chips.flatMap((c) => (c.lastEventAt ? [new Date(c.lastEventAt).getTime()] : []));
  return times.length ? new Date(Math.max(...times)) : fallback;
}
