-- Right-sizing beside the autoscaler and the SLOs: each row keeps what a patch needs (the CPU limit it
-- must not undercut), the replicas its savings multiply by, and whether downsizing is held while the
-- workload's SLO burns faster than 1x (the numbers stay stored, so the hold can lift without a rerun).

ALTER TABLE "recommendations"
    ADD COLUMN "current_cpu_limit_millis" INTEGER,
    ADD COLUMN "replicas" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "held" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "held_reason" TEXT;
