import { z } from "zod";
import { closePools } from "@/lib/db/pool.ts";
import { ConfigError, parseEnv } from "@/lib/env.ts";
import { runAnalysisCycle } from "./run-analysis-cycle.ts";

// The analyze worker: every UPTRUST_ANALYZE_INTERVAL_MS it turns the facts in PostgreSQL into SLO
// status, incidents, MTTR and right-sizing. It keeps no state in memory, so it can restart at any time.

const workerEnv = z.object({
  DATABASE_URL: z.string().min(1, "is not set: start Uptrust with `npm start` (embedded database) or set DATABASE_URL=postgresql://USER@HOST:5432/DB"),
  UPTRUST_ANALYZE_INTERVAL_MS: z.coerce.number().int().min(250, "must be at least 250 (milliseconds)").max(3_600_000).default(15_000),
});

function loadConfig() {
  parseEnv();
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = workerEnv.safeParse(raw);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  return parsed.data;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

async function loop(intervalMs: number, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const started = Date.now();
    try {
      const outcomes = await runAnalysisCycle(undefined, signal);
      for (const o of outcomes) {
        if (!o.ok) console.error(`[analyze] ${o.job} failed for cluster ${o.cluster}: ${o.error} (the other jobs carried on)`);
      }
      const failed = outcomes.filter((o) => !o.ok).length;
      if (outcomes.length > 0) console.log(`[analyze] cycle done in ${Date.now() - started} ms: ${outcomes.length - failed} jobs ok, ${failed} failed`);
    } catch (err) {
      // Listing clusters failed (database down): say so and try again next cycle.
      console.error(`[analyze] cycle failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    await sleep(Math.max(0, intervalMs - (Date.now() - started)), signal);
  }
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(2);
  }
  const controller = new AbortController();
  for (const sig of ["SIGTERM", "SIGINT"] as const) {
    process.once(sig, () => {
      console.log(`[analyze] ${sig} received: finishing the current job and stopping`);
      controller.abort();
    });
  }
  console.log(`[analyze] analysing every ${config.UPTRUST_ANALYZE_INTERVAL_MS} ms`);
  await loop(config.UPTRUST_ANALYZE_INTERVAL_MS, controller.signal);
  await closePools();
  console.log("[analyze] stopped");
}

void main();
