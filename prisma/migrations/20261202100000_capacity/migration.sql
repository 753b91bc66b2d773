-- Capacity per node pool, derived by workers/analyze/forecast-capacity.ts from nodes, pods with their
-- containers' requests, and node_usage. Cluster time throughout; the app reads only these tables.

-- One row per pool and cluster hour. Allocatable and requests are time-weighted means over the hour;
-- used_* is the nearest-rank p95 of the hour's 5-minute pool totals (NULL: no usage samples);
-- node_count and pod_count are the most there were at once.
CREATE TABLE "capacity_points" (
    "cluster_id" UUID NOT NULL,
    "pool" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "node_count" INTEGER NOT NULL,
    "pod_count" INTEGER NOT NULL,
    "allocatable_cpu_millis" DOUBLE PRECISION NOT NULL,
    "allocatable_memory_bytes" BIGINT NOT NULL,
    "requested_cpu_millis" DOUBLE PRECISION NOT NULL,
    "requested_memory_bytes" BIGINT NOT NULL,
    "used_cpu_millis" DOUBLE PRECISION,
    "used_memory_bytes" BIGINT,
    "usage_slots" INTEGER NOT NULL,
    CONSTRAINT "capacity_points_pkey" PRIMARY KEY ("cluster_id", "pool", "bucket")
);
ALTER TABLE "capacity_points" ADD CONSTRAINT "capacity_points_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The latest forecast per pool, resource (cpu | memory) and basis (requests | usage). The fit is kept in
-- centred form (ŷ = y_mean + slope_per_hour · hours since x_mean; sxx in hours²) so the cockpit can
-- redraw the line and its 95 % prediction band; dates are NULL wherever the explanation says why.
CREATE TABLE "capacity_forecasts" (
    "cluster_id" UUID NOT NULL,
    "pool" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "history_from" TIMESTAMPTZ(3),
    "history_to" TIMESTAMPTZ(3),
    "allocatable" DOUBLE PRECISION,
    "current_value" DOUBLE PRECISION,
    "slope_per_hour" DOUBLE PRECISION,
    "x_mean" TIMESTAMPTZ(3),
    "y_mean" DOUBLE PRECISION,
    "sxx" DOUBLE PRECISION,
    "residual_std" DOUBLE PRECISION,
    "t_value" DOUBLE PRECISION,
    "exhausts_at" TIMESTAMPTZ(3),
    "earliest_at" TIMESTAMPTZ(3),
    "latest_at" TIMESTAMPTZ(3),
    "explanation" TEXT NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "capacity_forecasts_pkey" PRIMARY KEY ("cluster_id", "pool", "resource", "basis")
);
ALTER TABLE "capacity_forecasts" ADD CONSTRAINT "capacity_forecasts_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Which pool each node was put in and by which label, with its allocatable and what is requested on it
-- now: what the pool detail page lists so every hourly figure can be traced to its nodes.
CREATE TABLE "capacity_pool_nodes" (
    "cluster_id" UUID NOT NULL,
    "node" TEXT NOT NULL,
    "pool" TEXT NOT NULL,
    "pool_label" TEXT,
    "ready" BOOLEAN NOT NULL,
    "allocatable_cpu_millis" INTEGER NOT NULL,
    "allocatable_memory_bytes" BIGINT NOT NULL,
    "requested_cpu_millis" DOUBLE PRECISION NOT NULL,
    "requested_memory_bytes" BIGINT NOT NULL,
    "pods" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "capacity_pool_nodes_pkey" PRIMARY KEY ("cluster_id", "node")
);
CREATE INDEX "capacity_pool_nodes_cluster_id_pool_idx" ON "capacity_pool_nodes"("cluster_id", "pool");
ALTER TABLE "capacity_pool_nodes" ADD CONSTRAINT "capacity_pool_nodes_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
