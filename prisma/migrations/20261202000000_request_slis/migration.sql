-- Request SLIs from access logs, the SLO engine's definitions, and probable causes on incidents.

-- Requests per workload per cluster-minute, read from access logs: from the ingress that proxied them
-- (source 'ingress') or from the workload's own log (source 'app'). `le` holds cumulative counts of
-- requests at or under each latency bound the analyzer uses, so any latency SLO on those bounds is
-- answered without re-reading logs.
CREATE TABLE "request_minutes" (
    "workload_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "total" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "timed" INTEGER NOT NULL,
    "le" INTEGER[] NOT NULL,
    CONSTRAINT "request_minutes_pkey" PRIMARY KEY ("workload_id", "source", "ts")
);
ALTER TABLE "request_minutes" ADD CONSTRAINT "request_minutes_workload_id_fkey" FOREIGN KEY ("workload_id") REFERENCES "workloads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- How far an incremental analyzer has read a cluster's facts (cluster time).
CREATE TABLE "analysis_cursors" (
    "cluster_id" UUID NOT NULL,
    "job" TEXT NOT NULL,
    "position" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "analysis_cursors_pkey" PRIMARY KEY ("cluster_id", "job")
);
ALTER TABLE "analysis_cursors" ADD CONSTRAINT "analysis_cursors_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- SLO definitions as OpenSLO describes them: a latency threshold, the budgeting method, rolling or
-- calendar windows, and where the definition came from (the YAML kept as imported).
ALTER TABLE "slos" ADD COLUMN "threshold_ms" INTEGER;
ALTER TABLE "slos" ADD COLUMN "budgeting" TEXT NOT NULL DEFAULT 'occurrences';
ALTER TABLE "slos" ADD COLUMN "timeslice_target" DOUBLE PRECISION;
ALTER TABLE "slos" ADD COLUMN "calendar" TEXT;
ALTER TABLE "slos" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "slos" ADD COLUMN "source_yaml" TEXT;
ALTER TABLE "slos" ADD COLUMN "description" TEXT NOT NULL DEFAULT '';
-- The default availability SLO has always been judged minute by minute.
UPDATE "slos" SET "budgeting" = 'timeslices' WHERE "indicator" = 'availability';

-- Every window of the burn-rate table, and when the budget runs out at the current burn.
ALTER TABLE "slo_status" ADD COLUMN "windows" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "slo_status" ADD COLUMN "exhausted_at" TIMESTAMPTZ(3);
ALTER TABLE "slo_status" ADD COLUMN "window_start" TIMESTAMPTZ(3);

-- Probable causes, most likely first, each with the facts that support it.
ALTER TABLE "incidents" ADD COLUMN "causes" JSONB NOT NULL DEFAULT '[]';
