-- Changes say who made them (the field manager) and what changed: a workload's pod template, or the
-- content of a ConfigMap or Secret the workload reads. ConfigMaps and Secrets are kept as content
-- hashes per key, never their values.

ALTER TABLE "changes"
  ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'template',
  ADD COLUMN "manager" TEXT;
DROP INDEX "changes_workload_id_observed_at_key";
CREATE UNIQUE INDEX "changes_workload_id_kind_observed_at_key" ON "changes"("workload_id", "kind", "observed_at");

CREATE TABLE "config_objects" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cluster_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "key_hashes" JSONB NOT NULL DEFAULT '{}',
    "manager" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    CONSTRAINT "config_objects_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "config_objects_cluster_id_kind_namespace_name_key" ON "config_objects"("cluster_id", "kind", "namespace", "name");
ALTER TABLE "config_objects" ADD CONSTRAINT "config_objects_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
