-- The error budget each change spent: every burning interval of an SLO's window charged to the changes
-- at its onset (or to none), largest first. Replaced at each evaluation.
CREATE TABLE "budget_charges" (
    "slo_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "change_id" UUID,
    "description" TEXT NOT NULL,
    "spent" DOUBLE PRECISION NOT NULL,
    "bad" DOUBLE PRECISION NOT NULL,
    "intervals" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "budget_charges_pkey" PRIMARY KEY ("slo_id", "position")
);
ALTER TABLE "budget_charges" ADD CONSTRAINT "budget_charges_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "budget_charges" ADD CONSTRAINT "budget_charges_change_id_fkey" FOREIGN KEY ("change_id") REFERENCES "changes"("id") ON DELETE SET NULL ON UPDATE CASCADE;
