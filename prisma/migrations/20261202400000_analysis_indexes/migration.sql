-- What keeps one analysis cycle of a 10,000-pod cluster within seconds (bench/analyze-cycle.ts).

-- SLI minutes summed per SLO and hour, written with the minutes (lib/db/analyze/sli-samples.ts). The SLO
-- evaluation reads a 30-day window as its whole hours from here and only the minutes of the partial hours
-- at its edges from sli_samples: ~750 rows an SLO instead of 43,200. first_ts is the hour's first minute,
-- counted_ts its first minute with any events (total > 0).
CREATE TABLE "sli_hours" (
    "slo_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "good" DOUBLE PRECISION NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "first_ts" TIMESTAMPTZ(3) NOT NULL,
    "counted_ts" TIMESTAMPTZ(3),
    CONSTRAINT "sli_hours_pkey" PRIMARY KEY ("slo_id", "hour")
);
ALTER TABLE "sli_hours" ADD CONSTRAINT "sli_hours_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "sli_hours" ("slo_id", "hour", "good", "total", "first_ts", "counted_ts")
SELECT "slo_id", date_trunc('hour', "ts"), sum("good"), sum("total"), min("ts"), min("ts") FILTER (WHERE "total" > 0)
  FROM "sli_samples" GROUP BY 1, 2;

-- Right-sizing reads 14 days of one workload container's rollups (4,032 buckets). Ingest writes a bucket
-- for every container at once, so those rows lie on 4,032 different heap pages; this index holds every
-- column the read needs in the key's order, so the read is an index-only scan of ~50 adjacent pages.
-- (Plain key columns rather than INCLUDE, which schema.prisma cannot express.)
CREATE INDEX "usage_rollups_5m_read_idx" ON "usage_rollups_5m"("cluster_id", "namespace", "owner_kind", "owner_name", "container", "bucket",
    "samples", "cpu_p50", "cpu_p95", "cpu_max", "memory_p50", "memory_p95", "memory_max");
