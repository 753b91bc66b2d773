-- Failed name lookups per workload and cluster-minute, read from its log ("no such host", "Temporary
-- failure in name resolution"), with one line kept as the example an SRE reads first.
CREATE TABLE "lookup_failures" (
    "workload_id" UUID NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "lines" INTEGER NOT NULL,
    "sample" TEXT NOT NULL,
    CONSTRAINT "lookup_failures_pkey" PRIMARY KEY ("workload_id", "ts")
);
ALTER TABLE "lookup_failures" ADD CONSTRAINT "lookup_failures_workload_id_fkey" FOREIGN KEY ("workload_id") REFERENCES "workloads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
