import type pg from "pg";

// Several ingest workers share the clusters through one lease row per cluster. Taking and renewing are
// the same statement: it succeeds when the lease is free, expired or already ours, and the database's
// own clock decides expiry, so two workers with skewed clocks can never both believe they hold it.

export async function claimLease(db: pg.Pool, clusterId: string, holder: string, ttlSeconds: number): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO ingest_leases (cluster_id, holder, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
     ON CONFLICT (cluster_id) DO UPDATE SET
       holder = EXCLUDED.holder,
       acquired_at = CASE WHEN ingest_leases.holder = EXCLUDED.holder THEN ingest_leases.acquired_at ELSE now() END,
       renewed_at = now(),
       expires_at = EXCLUDED.expires_at
     WHERE ingest_leases.holder = EXCLUDED.holder OR ingest_leases.expires_at < now()`,
    [clusterId, holder, ttlSeconds],
  );
  return rowCount === 1;
}

/** A worker stopping cleanly hands its clusters over at once instead of making others wait out the lease. */
export async function releaseLease(db: pg.Pool, clusterId: string, holder: string): Promise<void> {
  await db.query(`DELETE FROM ingest_leases WHERE cluster_id = $1 AND holder = $2`, [clusterId, holder]);
}
