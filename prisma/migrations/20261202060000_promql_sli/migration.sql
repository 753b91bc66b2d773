-- An imported SLO's PromQL SLI, as the analyzer asks Prometheus for it: a ratio (good or bad over
-- total) or a threshold (one query compared with a value).
ALTER TABLE "slos" ADD COLUMN "sli_query" JSONB;
