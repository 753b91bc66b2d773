-- Usage in 5-minute rollups (p50, p95, max per workload container), daily partitions for raw usage
-- (10,000 pods sampled every 30 s are ~40 million rows a day: a day is the unit worth dropping), and
-- retention that drops whole partitions instead of deleting rows.

CREATE TABLE "usage_rollups_5m" (
    "cluster_id" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    -- The workload's kind, or "Pod" for a pod no controller owns (then owner_name is the pod's name).
    "owner_kind" TEXT NOT NULL,
    "owner_name" TEXT NOT NULL,
    "container" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "samples" INTEGER NOT NULL,
    "cpu_p50" DOUBLE PRECISION NOT NULL,
    "cpu_p95" DOUBLE PRECISION NOT NULL,
    "cpu_max" DOUBLE PRECISION NOT NULL,
    "memory_p50" BIGINT NOT NULL,
    "memory_p95" BIGINT NOT NULL,
    "memory_max" BIGINT NOT NULL,
    CONSTRAINT "usage_rollups_5m_pkey" PRIMARY KEY ("cluster_id", "namespace", "owner_kind", "owner_name", "container", "bucket")
);
CREATE INDEX "usage_rollups_5m_cluster_id_bucket_idx" ON "usage_rollups_5m"("cluster_id", "bucket");
-- The rollup reads one cluster's samples an hour at a time: without this, every hour scans its whole day.
CREATE INDEX "usage_samples_cluster_id_ts_idx" ON "usage_samples"("cluster_id", "ts");
ALTER TABLE "usage_rollups_5m" ADD CONSTRAINT "usage_rollups_5m_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Daily partitions of one table, skipping days a monthly partition already covers (databases created
-- before this migration have monthly usage partitions). A day whose rows already sit in the default
-- partition cannot get its own: that is reported as a warning, not a failed ingest.
CREATE FUNCTION uptrust_ensure_day_partitions(tbl text, from_ts timestamptz, days integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  d date;
  part text;
BEGIN
  FOR i IN 0..days - 1 LOOP
    d := (date_trunc('day', from_ts AT TIME ZONE 'UTC') + make_interval(days => i))::date;
    part := format('%s_%s', tbl, to_char(d, 'YYYY_MM_DD'));
    CONTINUE WHEN to_regclass(part) IS NOT NULL OR to_regclass(format('%s_%s', tbl, to_char(d, 'YYYY_MM'))) IS NOT NULL;
    BEGIN
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, tbl,
        (d::timestamp AT TIME ZONE 'UTC'), ((d + 1)::timestamp AT TIME ZONE 'UTC'));
    EXCEPTION WHEN check_violation OR invalid_object_definition THEN
      RAISE WARNING 'partition % not created: %', part, SQLERRM;
    END;
  END LOOP;
END $$;

-- Events and log lines keep monthly partitions; usage gets daily ones from now on.
CREATE OR REPLACE FUNCTION uptrust_ensure_month_partitions(from_ts timestamptz, months integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  t text;
  m date;
  part text;
BEGIN
  FOREACH t IN ARRAY ARRAY['k8s_events', 'log_lines'] LOOP
    FOR i IN 0..months - 1 LOOP
      m := (date_trunc('month', from_ts AT TIME ZONE 'UTC') + make_interval(months => i))::date;
      part := format('%s_%s', t, to_char(m, 'YYYY_MM'));
      IF to_regclass(part) IS NULL THEN
        BEGIN
          EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, t,
            (m::timestamp AT TIME ZONE 'UTC'), ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
        EXCEPTION WHEN check_violation OR invalid_object_definition THEN
          RAISE WARNING 'partition % not created: %', part, SQLERRM;
        END;
      END IF;
    END LOOP;
  END LOOP;
END $$;

-- Drops every partition of tbl whose whole range ends before `before`; returns the names dropped.
-- The default partition has no range and is never dropped.
CREATE FUNCTION uptrust_drop_partitions_before(tbl text, before timestamptz) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
  r record;
  upper_bound timestamptz;
BEGIN
  FOR r IN
    SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = tbl::regclass
  LOOP
    CONTINUE WHEN r.bound = 'DEFAULT';
    upper_bound := substring(r.bound FROM 'TO \(''([^'']+)''\)')::timestamptz;
    IF upper_bound <= before THEN
      EXECUTE format('DROP TABLE %I', r.relname);
      RETURN NEXT r.relname;
    END IF;
  END LOOP;
END $$;

-- Monthly usage partitions still empty (all of them on a new database) make way for daily ones.
DO $$
DECLARE
  r record;
  empty boolean;
BEGIN
  FOR r IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'usage_samples'::regclass AND c.relname ~ '^usage_samples_[0-9]{4}_[0-9]{2}$'
  LOOP
    EXECUTE format('SELECT NOT EXISTS (SELECT 1 FROM %I)', r.relname) INTO empty;
    IF empty THEN
      EXECUTE format('DROP TABLE %I', r.relname);
    END IF;
  END LOOP;
END $$;

SELECT uptrust_ensure_day_partitions('usage_samples', now() - interval '14 days', 22);
