-- Alerts Alertmanager sent to Uptrust's webhook receiver, one row per alert and firing (Alertmanager's
-- fingerprint + startsAt), so a resend updates the row and a resolved notification closes it. An alert
-- whose cluster label names no registered cluster keeps cluster_id NULL and says why in `unmatched`.
CREATE TABLE "alert_signals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cluster_id" UUID,
    "cluster_label" TEXT,
    "fingerprint" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL,
    "alertname" TEXT NOT NULL,
    "severity" TEXT,
    "namespace" TEXT,
    "target_kind" TEXT,
    "target_name" TEXT,
    "summary" TEXT,
    "generator_url" TEXT,
    "labels" JSONB NOT NULL,
    "annotations" JSONB NOT NULL,
    "receiver" TEXT NOT NULL,
    "unmatched" TEXT,
    "first_received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "alert_signals_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "alert_signals_fingerprint_starts_at_key" ON "alert_signals"("fingerprint", "starts_at");
CREATE INDEX "alert_signals_cluster_id_starts_at_idx" ON "alert_signals"("cluster_id", "starts_at");
ALTER TABLE "alert_signals" ADD CONSTRAINT "alert_signals_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
