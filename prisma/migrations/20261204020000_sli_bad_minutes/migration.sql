-- The SLI minutes that failed some event (good < total), kept beside sli_samples by the same upsert.
-- Budget charges read every failed minute of every SLO's window each cycle: from here that is one short
-- index range per SLO, where sli_samples needs a visit to every hour that failed (37,000 hours at
-- 10,000 pods, bench/analyze-cycle.ts).
CREATE TABLE "sli_bad_minutes" (
    "slo_id" UUID NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "good" DOUBLE PRECISION NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "sli_bad_minutes_pkey" PRIMARY KEY ("slo_id", "ts")
);
ALTER TABLE "sli_bad_minutes" ADD CONSTRAINT "sli_bad_minutes_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "sli_bad_minutes" ("slo_id", "ts", "good", "total")
SELECT "slo_id", "ts", "good", "total" FROM "sli_samples" WHERE "good" < "total";
