-- Clusters registered in the database (not only kubeconfig contexts), per-cluster ingest lag, and the
-- leases through which several ingest workers share the clusters.

ALTER TABLE "clusters"
  ADD COLUMN "source" TEXT NOT NULL DEFAULT 'kubeconfig',
  ADD COLUMN "kubeconfig" TEXT,
  ADD COLUMN "ingest_lag_ms" INTEGER,
  ADD COLUMN "dropped_rows" BIGINT NOT NULL DEFAULT 0;

-- One row per cluster being ingested; the holder renews it, and a lease past expires_at (on the
-- database's clock, so workers' clocks never disagree) can be taken by any other worker.
CREATE TABLE "ingest_leases" (
  "cluster_id" UUID NOT NULL,
  "holder" TEXT NOT NULL,
  "acquired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "renewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "ingest_leases_pkey" PRIMARY KEY ("cluster_id"),
  CONSTRAINT "ingest_leases_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
