import { z } from "zod";

// Tuning knobs of the ingest worker. (They belong in lib/env.ts; kept here until that file's owner adds them.)
const schema = z.object({
  UPTRUST_METRICS_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
  UPTRUST_LOG_MAX_FOLLOWERS: z.coerce.number().int().min(0).max(10_000).default(200),
  UPTRUST_LOG_BYTES_PER_CONTAINER: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
});

export type IngestConfig = {
  metricsPollMs: number;
  maxLogFollowers: number;
  logBytesPerContainer: number;
};

export function ingestConfig(source: Record<string, string | undefined> = process.env): IngestConfig {
  const clean = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = schema.safeParse(clean);
  if (!parsed.success) {
    throw new Error(`Uptrust ingest cannot start: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  return {
    metricsPollMs: parsed.data.UPTRUST_METRICS_POLL_MS,
    maxLogFollowers: parsed.data.UPTRUST_LOG_MAX_FOLLOWERS,
    logBytesPerContainer: parsed.data.UPTRUST_LOG_BYTES_PER_CONTAINER,
  };
}
