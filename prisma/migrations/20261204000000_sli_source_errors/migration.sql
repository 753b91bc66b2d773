-- Why an SLO's SLI is not being measured (a query Prometheus refuses, Prometheus unreachable), as the
-- analyzer last saw it, so the SLO card says so instead of quietly showing figures that stopped. The
-- row goes when the SLI is measured again; `since` is when the failure began.
CREATE TABLE "sli_source_errors" (
    "slo_id" UUID NOT NULL,
    "message" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sli_source_errors_pkey" PRIMARY KEY ("slo_id")
);
ALTER TABLE "sli_source_errors" ADD CONSTRAINT "sli_source_errors_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;
