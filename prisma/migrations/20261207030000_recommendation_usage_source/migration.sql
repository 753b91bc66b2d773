-- Where each suggestion's usage came from: cAdvisor's series in the team's Prometheus (UPTRUST_PROMETHEUS_URL) or
-- Uptrust's own metrics.k8s.io rollups (also the fallback when Prometheus fails or lacks the container), why it fell
-- back, and the CPU throttling Prometheus saw (share of CFS periods throttled, p95 and max of its 5-minute windows).
ALTER TABLE "recommendations" ADD COLUMN "usage_source" TEXT NOT NULL DEFAULT 'metrics-api';
ALTER TABLE "recommendations" ADD COLUMN "usage_source_note" TEXT;
ALTER TABLE "recommendations" ADD COLUMN "cpu_throttled_p95" DOUBLE PRECISION;
ALTER TABLE "recommendations" ADD COLUMN "cpu_throttled_max" DOUBLE PRECISION;
