-- SLI sums per SLO and UTC day, written with the hours (lib/db/analyze/sli-samples.ts). The SLO
-- evaluation reads the whole days of a 30-day window from here, the hours and minutes at its edges from
-- sli_hours and sli_samples: ~100 rows an SLO instead of ~900.
CREATE TABLE "sli_days" (
    "slo_id" UUID NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "good" DOUBLE PRECISION NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "first_ts" TIMESTAMPTZ(3) NOT NULL,
    "counted_ts" TIMESTAMPTZ(3),
    CONSTRAINT "sli_days_pkey" PRIMARY KEY ("slo_id", "day")
);
ALTER TABLE "sli_days" ADD CONSTRAINT "sli_days_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "sli_days" ("slo_id", "day", "good", "total", "first_ts", "counted_ts")
SELECT "slo_id", date_trunc('day', "hour", 'UTC'), sum("good"), sum("total"), min("first_ts"), min("counted_ts")
  FROM "sli_hours" GROUP BY 1, 2;
