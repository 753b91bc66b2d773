-- The first minute an SLO's history was measured in its window: how much of each burn window (1 h, 6 h,
-- the whole SLO window) the figures cover, shown beside every rate while the history is shorter.
ALTER TABLE "slo_status" ADD COLUMN "measured_since" TIMESTAMPTZ(3);
