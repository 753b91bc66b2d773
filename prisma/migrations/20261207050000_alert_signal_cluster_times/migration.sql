-- An alert's times on its cluster's clock (lib/domain/alert-clock.ts), which incident detection compares with
-- every other fact: Alertmanager's are the wall clock's, and the demo cluster's clock runs behind it while it
-- replays. `unmatched` now also says why an alert on a known cluster opens no incident (no workload it names).
ALTER TABLE "alert_signals" ADD COLUMN "cluster_starts_at" TIMESTAMPTZ(3),
                            ADD COLUMN "cluster_ends_at" TIMESTAMPTZ(3),
                            ADD COLUMN "cluster_first_received_at" TIMESTAMPTZ(3),
                            ADD COLUMN "cluster_last_received_at" TIMESTAMPTZ(3);
UPDATE "alert_signals" SET "cluster_starts_at" = "starts_at", "cluster_ends_at" = "ends_at",
                           "cluster_first_received_at" = "first_received_at", "cluster_last_received_at" = "last_received_at";
ALTER TABLE "alert_signals" ALTER COLUMN "cluster_starts_at" SET NOT NULL,
                            ALTER COLUMN "cluster_first_received_at" SET NOT NULL,
                            ALTER COLUMN "cluster_last_received_at" SET NOT NULL;
DROP INDEX "alert_signals_cluster_id_starts_at_idx";
CREATE INDEX "alert_signals_cluster_id_cluster_starts_at_idx" ON "alert_signals"("cluster_id", "cluster_starts_at");
-- The wall time ingest last moved a cluster's clock forward: last_sync_at is also its heartbeat, which goes on
-- while the cluster is quiet or unreachable, so only this tells how far the cluster's clock runs behind.
ALTER TABLE "clusters" ADD COLUMN "clock_read_at" TIMESTAMPTZ(3);
UPDATE "clusters" SET "clock_read_at" = "last_sync_at" WHERE "last_event_at" IS NOT NULL;
