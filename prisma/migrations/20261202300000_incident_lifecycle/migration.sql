-- The incident lifecycle people drive (status, severity, owner) beside what the detector finds, and
-- MTTD / MTTA / MTTR per week, service and severity for the cockpit.

-- Who set the current severity and status: the detector never overrides a person's choice, and a
-- person's resolution is not reopened by a detector that still sees stray signals.
ALTER TABLE "incidents"
    ADD COLUMN "owner" TEXT,
    ADD COLUMN "severity_source" TEXT NOT NULL DEFAULT 'detector',
    ADD COLUMN "status_source" TEXT NOT NULL DEFAULT 'detector';

-- One row per metric (mttd | mtta | mttr), grouping (week | service | severity) and group; written in
-- full by the analyzer's compute-mttr job, read as-is by the cockpit.
CREATE TABLE "mttx_stats" (
    "metric" TEXT NOT NULL,
    "grouping" TEXT NOT NULL,
    "group_key" TEXT NOT NULL,
    "incidents" INTEGER NOT NULL,
    "mean_seconds" DOUBLE PRECISION NOT NULL,
    "p50_seconds" DOUBLE PRECISION NOT NULL,
    "p90_seconds" DOUBLE PRECISION NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mttx_stats_pkey" PRIMARY KEY ("metric", "grouping", "group_key")
);
