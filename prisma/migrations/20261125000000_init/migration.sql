-- Uptrust initial schema. Events, log lines and usage samples are range-partitioned by an
-- immutable timestamp so retention can drop whole partitions instead of deleting rows.

CREATE TYPE "WorkloadKind" AS ENUM ('Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob');
CREATE TYPE "IncidentStatus" AS ENUM ('triage', 'investigating', 'mitigated', 'resolved', 'closed', 'cancelled');
CREATE TYPE "Role" AS ENUM ('viewer', 'responder', 'admin');

CREATE TABLE "clusters" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "server" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "last_error" TEXT,
    "last_event_at" TIMESTAMPTZ(3),
    "last_sync_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "clusters_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "clusters_name_key" ON "clusters"("name");

CREATE TABLE "namespaces" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cluster_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "namespaces_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "namespaces_cluster_id_name_key" ON "namespaces"("cluster_id", "name");

CREATE TABLE "nodes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cluster_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "ready" BOOLEAN NOT NULL DEFAULT false,
    "conditions" JSONB NOT NULL DEFAULT '[]',
    "allocatable_cpu_millis" INTEGER NOT NULL DEFAULT 0,
    "allocatable_memory_bytes" BIGINT NOT NULL DEFAULT 0,
    "kubelet_version" TEXT,
    "created_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "nodes_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "nodes_cluster_id_name_key" ON "nodes"("cluster_id", "name");

CREATE TABLE "workloads" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cluster_id" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "kind" "WorkloadKind" NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "desired_replicas" INTEGER NOT NULL DEFAULT 0,
    "ready_replicas" INTEGER NOT NULL DEFAULT 0,
    "available_replicas" INTEGER NOT NULL DEFAULT 0,
    "updated_replicas" INTEGER NOT NULL DEFAULT 0,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "observed_generation" INTEGER NOT NULL DEFAULT 0,
    "revision" TEXT,
    "template" JSONB NOT NULL DEFAULT '{}',
    "template_hash" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "workloads_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "workloads_cluster_id_kind_namespace_name_key" ON "workloads"("cluster_id", "kind", "namespace", "name");

CREATE TABLE "pods" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cluster_id" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "workload_kind" "WorkloadKind",
    "workload_name" TEXT,
    "node_name" TEXT,
    "phase" TEXT NOT NULL,
    "reason" TEXT,
    "ready" BOOLEAN NOT NULL DEFAULT false,
    "restart_count" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pods_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "pods_cluster_id_uid_key" ON "pods"("cluster_id", "uid");
CREATE INDEX "pods_cluster_id_namespace_workload_name_idx" ON "pods"("cluster_id", "namespace", "workload_name");

CREATE TABLE "containers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "pod_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "image" TEXT NOT NULL,
    "request_cpu_millis" INTEGER,
    "request_memory_bytes" BIGINT,
    "limit_cpu_millis" INTEGER,
    "limit_memory_bytes" BIGINT,
    "ready" BOOLEAN NOT NULL DEFAULT false,
    "restart_count" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL DEFAULT 'waiting',
    "state_reason" TEXT,
    "last_termination_reason" TEXT,
    "last_terminated_at" TIMESTAMPTZ(3),
    CONSTRAINT "containers_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "containers_pod_id_name_key" ON "containers"("pod_id", "name");

CREATE TABLE "changes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cluster_id" UUID NOT NULL,
    "workload_id" UUID NOT NULL,
    "revision" TEXT,
    "summary" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "changes_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "changes_workload_id_observed_at_key" ON "changes"("workload_id", "observed_at");
CREATE INDEX "changes_cluster_id_observed_at_idx" ON "changes"("cluster_id", "observed_at");

CREATE TABLE "workload_status" (
    "workload_id" UUID NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "desired_replicas" INTEGER NOT NULL,
    "available_replicas" INTEGER NOT NULL,
    "ready_replicas" INTEGER NOT NULL,
    "updated_replicas" INTEGER NOT NULL,
    CONSTRAINT "workload_status_pkey" PRIMARY KEY ("workload_id", "ts")
);

CREATE TABLE "k8s_events" (
    "id" BIGSERIAL NOT NULL,
    "cluster_id" UUID NOT NULL,
    "uid" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "involved_kind" TEXT NOT NULL,
    "involved_name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "source" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "k8s_events_pkey" PRIMARY KEY ("id", "first_seen")
) PARTITION BY RANGE ("first_seen");
CREATE UNIQUE INDEX "k8s_events_cluster_id_uid_first_seen_key" ON "k8s_events"("cluster_id", "uid", "first_seen");
CREATE INDEX "k8s_events_cluster_id_namespace_involved_name_last_seen_idx" ON "k8s_events"("cluster_id", "namespace", "involved_name", "last_seen");

CREATE TABLE "log_lines" (
    "id" BIGSERIAL NOT NULL,
    "cluster_id" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "pod" TEXT NOT NULL,
    "container" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "level" TEXT,
    "message" TEXT NOT NULL,
    CONSTRAINT "log_lines_pkey" PRIMARY KEY ("id", "ts")
) PARTITION BY RANGE ("ts");
CREATE UNIQUE INDEX "log_lines_cluster_id_namespace_pod_container_ts_seq_key" ON "log_lines"("cluster_id", "namespace", "pod", "container", "ts", "seq");
CREATE INDEX "log_lines_cluster_id_namespace_pod_ts_idx" ON "log_lines"("cluster_id", "namespace", "pod", "ts");

CREATE TABLE "usage_samples" (
    "cluster_id" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "pod" TEXT NOT NULL,
    "container" TEXT NOT NULL,
    "workload_kind" "WorkloadKind",
    "workload_name" TEXT,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "cpu_millis" DOUBLE PRECISION NOT NULL,
    "memory_bytes" BIGINT NOT NULL,
    CONSTRAINT "usage_samples_pkey" PRIMARY KEY ("cluster_id", "namespace", "pod", "container", "ts")
) PARTITION BY RANGE ("ts");
CREATE INDEX "usage_samples_cluster_id_namespace_workload_name_container_ts_idx" ON "usage_samples"("cluster_id", "namespace", "workload_name", "container", "ts");

CREATE TABLE "slos" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workload_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "indicator" TEXT NOT NULL DEFAULT 'availability',
    "target" DOUBLE PRECISION NOT NULL,
    "window_days" INTEGER NOT NULL DEFAULT 30,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "slos_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "slos_workload_id_name_key" ON "slos"("workload_id", "name");

CREATE TABLE "sli_samples" (
    "slo_id" UUID NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "good" DOUBLE PRECISION NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "sli_samples_pkey" PRIMARY KEY ("slo_id", "ts")
);

CREATE TABLE "slo_status" (
    "slo_id" UUID NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    "sli" DOUBLE PRECISION NOT NULL,
    "budget_remaining" DOUBLE PRECISION NOT NULL,
    "burn_rate_1h" DOUBLE PRECISION NOT NULL,
    "burn_rate_6h" DOUBLE PRECISION NOT NULL,
    "burn_rate_30d" DOUBLE PRECISION NOT NULL,
    "alert" TEXT,
    "explanation" TEXT NOT NULL,
    CONSTRAINT "slo_status_pkey" PRIMARY KEY ("slo_id")
);

CREATE TABLE "incidents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cluster_id" UUID NOT NULL,
    "workload_id" UUID,
    "fingerprint" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'sev3',
    "status" "IncidentStatus" NOT NULL DEFAULT 'triage',
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "mitigated_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "summary" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "incidents_fingerprint_started_at_key" ON "incidents"("fingerprint", "started_at");
CREATE INDEX "incidents_status_started_at_idx" ON "incidents"("status", "started_at");

CREATE TABLE "timeline_entries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "incident_id" UUID NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "source_key" TEXT NOT NULL,
    CONSTRAINT "timeline_entries_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "timeline_entries_incident_id_source_key_key" ON "timeline_entries"("incident_id", "source_key");
CREATE INDEX "timeline_entries_incident_id_ts_idx" ON "timeline_entries"("incident_id", "ts");

CREATE TABLE "mttr_weeks" (
    "week_start" TIMESTAMPTZ(3) NOT NULL,
    "incidents" INTEGER NOT NULL,
    "mean_seconds" DOUBLE PRECISION NOT NULL,
    "p50_seconds" DOUBLE PRECISION NOT NULL,
    "p90_seconds" DOUBLE PRECISION NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "mttr_weeks_pkey" PRIMARY KEY ("week_start")
);

CREATE TABLE "recommendations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workload_id" UUID NOT NULL,
    "container" TEXT NOT NULL,
    "strategy" TEXT NOT NULL DEFAULT 'krr-simple',
    "current_cpu_request_millis" INTEGER,
    "current_memory_request_bytes" BIGINT,
    "current_memory_limit_bytes" BIGINT,
    "cpu_request_millis" INTEGER NOT NULL,
    "memory_request_bytes" BIGINT NOT NULL,
    "memory_limit_bytes" BIGINT NOT NULL,
    "basis" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "recommendations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "recommendations_workload_id_container_strategy_key" ON "recommendations"("workload_id", "container", "strategy");

CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" TIMESTAMPTZ(3),
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "share_links" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "incident_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "share_links_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "share_links_token_hash_key" ON "share_links"("token_hash");

CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

ALTER TABLE "namespaces" ADD CONSTRAINT "namespaces_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "workloads" ADD CONSTRAINT "workloads_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "pods" ADD CONSTRAINT "pods_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "containers" ADD CONSTRAINT "containers_pod_id_fkey" FOREIGN KEY ("pod_id") REFERENCES "pods"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "changes" ADD CONSTRAINT "changes_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "changes" ADD CONSTRAINT "changes_workload_id_fkey" FOREIGN KEY ("workload_id") REFERENCES "workloads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "workload_status" ADD CONSTRAINT "workload_status_workload_id_fkey" FOREIGN KEY ("workload_id") REFERENCES "workloads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "k8s_events" ADD CONSTRAINT "k8s_events_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "log_lines" ADD CONSTRAINT "log_lines_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "usage_samples" ADD CONSTRAINT "usage_samples_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "slos" ADD CONSTRAINT "slos_workload_id_fkey" FOREIGN KEY ("workload_id") REFERENCES "workloads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sli_samples" ADD CONSTRAINT "sli_samples_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "slo_status" ADD CONSTRAINT "slo_status_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_workload_id_fkey" FOREIGN KEY ("workload_id") REFERENCES "workloads"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "timeline_entries" ADD CONSTRAINT "timeline_entries_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_workload_id_fkey" FOREIGN KEY ("workload_id") REFERENCES "workloads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Partitions: one per calendar month, plus a default that catches rows outside the prepared range.
-- Workers call uptrust_ensure_month_partitions() at start so the current and next month always exist.
CREATE TABLE "k8s_events_default" PARTITION OF "k8s_events" DEFAULT;
CREATE TABLE "log_lines_default" PARTITION OF "log_lines" DEFAULT;
CREATE TABLE "usage_samples_default" PARTITION OF "usage_samples" DEFAULT;

CREATE FUNCTION uptrust_ensure_month_partitions(from_ts timestamptz, months integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  t text;
  m date;
  part text;
BEGIN
  FOREACH t IN ARRAY ARRAY['k8s_events', 'log_lines', 'usage_samples'] LOOP
    FOR i IN 0..months - 1 LOOP
      m := (date_trunc('month', from_ts AT TIME ZONE 'UTC') + make_interval(months => i))::date;
      part := format('%s_%s', t, to_char(m, 'YYYY_MM'));
      IF to_regclass(part) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, t,
          (m::timestamp AT TIME ZONE 'UTC'), ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
      END IF;
    END LOOP;
  END LOOP;
END $$;

SELECT uptrust_ensure_month_partitions(now() - interval '1 month', 3);
