import { parseWorkloadPatterns, type WorkloadPattern } from "@/lib/domain/log-follow-plan.ts";
import { parseEnv } from "@/lib/env.ts";

// Tuning knobs of the ingest worker, validated with the rest of the environment in lib/env.ts.
export type IngestConfig = {
  metricsPollMs: number;
  maxLogFollowers: number;
  /** Whose running containers' logs are followed (restarted containers always are). */
  logWorkloads: WorkloadPattern[];
  logBytesPerContainer: number;
  /** All containers of one cluster together; past it, lines are dropped until the next minute. */
  logBytesPerMinute: number;
  /** Seconds a worker's claim on a cluster lasts unrenewed; another worker takes over after it. */
  leaseSeconds: number;
  /** Per write buffer: facts held while the database does not take writes; past it, new ones are dropped and counted. */
  bufferRows: number;
  /** Events and log lines older than this many days are dropped, a monthly partition at a time. */
  retentionDays: number;
  /** Raw usage samples older than this are dropped by the day; 5-minute rollups stay 30 days. */
  usageRetentionDays: number;
};

export function ingestConfig(source: Record<string, string | undefined> = process.env): IngestConfig {
  const env = parseEnv(source);
  return {
    metricsPollMs: env.UPTRUST_METRICS_POLL_MS,
    maxLogFollowers: env.UPTRUST_LOG_MAX_FOLLOWERS,
    logWorkloads: parseWorkloadPatterns(env.UPTRUST_LOG_WORKLOADS),
    logBytesPerContainer: env.UPTRUST_LOG_BYTES_PER_CONTAINER,
    logBytesPerMinute: env.UPTRUST_LOG_BYTES_PER_MINUTE,
    leaseSeconds: env.UPTRUST_INGEST_LEASE_SECONDS,
    bufferRows: env.UPTRUST_INGEST_BUFFER_ROWS,
    retentionDays: env.UPTRUST_RETENTION_DAYS,
    usageRetentionDays: env.UPTRUST_USAGE_RETENTION_DAYS,
  };
}
