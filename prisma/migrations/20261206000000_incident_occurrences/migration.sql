-- An OOM kill that recurs within hours is one incident with its occurrences, not a card per kill: the
-- incident counts them and keeps when the latest began (the first is started_at). Incidents stored
-- before occurrences were counted are one occurrence each (last_occurrence_at NULL: the start).
ALTER TABLE "incidents" ADD COLUMN "occurrences" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "incidents" ADD COLUMN "last_occurrence_at" TIMESTAMPTZ(3);
