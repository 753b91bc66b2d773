import { closePools } from "@/lib/db/pool.ts";
import { waitForSchema } from "@/lib/db/wait-for-schema.ts";
import { ConfigError, parseEnv } from "@/lib/env.ts";
import { serveWorkerMetrics } from "@/lib/metrics/serve-metrics.ts";
import { loadSecretFiles } from "@/lib/secret-files.ts";
import { analyzeMetrics } from "./analyze-metrics.ts";
import { notifyLoop } from "./notify/notify-loop.ts";
import { runAnalysisCycle } from "./run-analysis-cycle.ts";
import { sleep } from "@/lib/sleep.ts";

// The analyze worker: every UPTRUST_ANALYZE_INTERVAL_MS it turns the facts in PostgreSQL into SLO
// status, incidents, MTTR and right-sizing; every UPTRUST_NOTIFY_INTERVAL_MS it tells the configured channels what
// changed. It keeps no state in memory, so it can restart at any time.

function loadConfig() {
  loadSecretFiles();
  const env = parseEnv();
  if (!env.DATABASE_URL) {
    throw new ConfigError(["DATABASE_URL is not set: start Uptrust with `npm start` (embedded database) or set DATABASE_URL=postgresql://USER@HOST:5432/DB"]);
  }
  return env;
}

// A quiet log: failures always, otherwise one line a minute so an operator sees the worker is alive.
async function loop(intervalMs: number, signal: AbortSignal, metrics: ReturnType<typeof analyzeMetrics>): Promise<void> {
  let lastReport = 0;
  while (!signal.aborted) {
    const started = Date.now();
    try {
      const outcomes = await runAnalysisCycle(undefined, signal);
      metrics.recordCycle(outcomes, Date.now() - started);
      for (const o of outcomes) {
        if (!o.ok) console.error(`[analyze] ${o.job} failed for cluster ${o.cluster}: ${o.error} (the other jobs carried on)`);
      }
      const failed = outcomes.filter((o) => !o.ok).length;
      if (outcomes.length > 0 && (failed > 0 || started - lastReport >= 60_000)) {
        console.log(`[analyze] cycle done in ${Date.now() - started} ms: ${outcomes.length - failed} jobs ok, ${failed} failed`);
        lastReport = started;
      }
    } catch (err) {
      // Listing clusters failed (database down): say so and try again next cycle.
      metrics.recordCycleFailure();
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
  const metrics = analyzeMetrics();
  const server = await serveWorkerMetrics("analyze", metrics.registry, config.UPTRUST_ANALYZE_METRICS_PORT, "UPTRUST_ANALYZE_METRICS_PORT");
  if (!(await waitForSchema("analyze", controller.signal))) {
    await server?.close();
    await closePools();
    return;
  }
  console.log(`[analyze] analysing every ${config.UPTRUST_ANALYZE_INTERVAL_MS} ms${server ? `; metrics at :${server.port}/metrics` : ""}`);
  // The notifier is a job of its own beside the analysis: a slow receiver never delays a cycle, nor a long cycle a page.
  await Promise.all([loop(config.UPTRUST_ANALYZE_INTERVAL_MS, controller.signal, metrics), notifyLoop(config, controller.signal, metrics)]);
  await server?.close();
  await closePools();
  console.log("[analyze] stopped");
}

void main();
