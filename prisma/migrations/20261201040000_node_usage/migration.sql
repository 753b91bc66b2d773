-- Node usage from metrics.k8s.io, sampled with pod usage: what capacity forecasts compare with
-- allocatable and requests. A hundred nodes every 30 s are under 300,000 rows a day: one table,
-- trimmed by retention.

CREATE TABLE "node_usage" (
    "cluster_id" UUID NOT NULL,
    "node" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "cpu_millis" DOUBLE PRECISION NOT NULL,
    "memory_bytes" BIGINT NOT NULL,
    CONSTRAINT "node_usage_pkey" PRIMARY KEY ("cluster_id", "node", "ts")
);
CREATE INDEX "node_usage_cluster_id_ts_idx" ON "node_usage"("cluster_id", "ts");
ALTER TABLE "node_usage" ADD CONSTRAINT "node_usage_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
