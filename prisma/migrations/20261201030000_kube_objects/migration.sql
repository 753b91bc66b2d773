-- Every other kind a cluster serves (Services, ReplicaSets, Jobs, CronJobs, HPAs, PDBs, Ingresses,
-- NetworkPolicies, EndpointSlices, RBAC), as their current spec and status without pod templates
-- (those are tracked on workloads): what guardrails, incident grouping and HPA-aware right-sizing read.

CREATE TABLE "kube_objects" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cluster_id" UUID NOT NULL,
    "api_version" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    -- '' for cluster-scoped kinds, so the key below has no NULL in it.
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "owner_kind" TEXT,
    "owner_name" TEXT,
    "spec" JSONB NOT NULL DEFAULT '{}',
    "status" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    CONSTRAINT "kube_objects_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "kube_objects_cluster_id_kind_namespace_name_key" ON "kube_objects"("cluster_id", "kind", "namespace", "name");
CREATE INDEX "kube_objects_cluster_id_uid_idx" ON "kube_objects"("cluster_id", "uid");
ALTER TABLE "kube_objects" ADD CONSTRAINT "kube_objects_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
