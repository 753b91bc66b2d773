-- Guardrails: what the checks read from each workload's pod template, the findings of the latest
-- check, and the Polaris score per namespace and per cluster (namespace '').

ALTER TABLE "workloads" ADD COLUMN "spec_facts" JSONB NOT NULL DEFAULT '{}';

CREATE TABLE "guardrail_findings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cluster_id" UUID NOT NULL,
    "workload_id" UUID,
    "namespace" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "check" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    -- When the violation was first seen (cluster time); kept across checks while it persists.
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "guardrail_findings_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "guardrail_findings_cluster_id_target_check_key" ON "guardrail_findings"("cluster_id", "target", "check");
ALTER TABLE "guardrail_findings" ADD CONSTRAINT "guardrail_findings_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "guardrail_findings" ADD CONSTRAINT "guardrail_findings_workload_id_fkey" FOREIGN KEY ("workload_id") REFERENCES "workloads"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "guardrail_scores" (
    "cluster_id" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "passed" INTEGER NOT NULL,
    "warnings" INTEGER NOT NULL,
    "dangers" INTEGER NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "guardrail_scores_pkey" PRIMARY KEY ("cluster_id", "namespace")
);
ALTER TABLE "guardrail_scores" ADD CONSTRAINT "guardrail_scores_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
