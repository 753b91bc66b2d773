import { plural } from "@/lib/domain/plural.ts";
import type { Env } from "@/lib/env.ts";
import { notifyKey } from "@/lib/notify/notify-key.ts";
import type { analyzeMetrics } from "../analyze-metrics.ts";
import { sleep } from "@/lib/sleep.ts";
import { runNotifier } from "./run-notifier.ts";

type Metrics = Pick<ReturnType<typeof analyzeMetrics>, "recordDelivery" | "setDeadLetters">;
type PassDeps = { env: Env; key: Buffer; signal: AbortSignal; metrics: Metrics; now?: () => number };

/** One notifier pass as the worker runs it: counted in the worker's metrics, failed deliveries logged (redacted). */
export async function notifyPass({ env, key, signal, metrics, now }: PassDeps): Promise<void> {
  const pass = await runNotifier({ env, key, signal, now, onDelivery: (r) => metrics.recordDelivery(r.channelType, r.outcome) });
  metrics.setDeadLetters(pass.deadLetters);
  for (const r of pass.reports) {
    if (r.outcome === "retry" || r.outcome === "dead") console.error(`[notify] ${r.channel}: ${r.error} (${r.outcome === "dead" ? "now a dead letter" : "retrying"})`);
  }
  const delivered = pass.reports.filter((r) => r.outcome === "delivered").length;
  if (pass.enqueued > 0 || delivered > 0) console.log(`[notify] ${plural(pass.enqueued, "message")} queued, ${delivered} delivered`);
}

// The notifier's own loop. A pass that fails (database down) is logged and tried again next interval;
// failures of single deliveries are values inside a pass (retried, then dead letters), never a crash.
export async function notifyLoop(env: Env, signal: AbortSignal, metrics: Metrics): Promise<void> {
  let key: Buffer;
  try {
    key = notifyKey(env.AUTH_SECRET);
  } catch (err) {
    console.error(`[notify] notifications are off: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  while (!signal.aborted) {
    const started = Date.now();
    try {
      await notifyPass({ env, key, signal, metrics });
    } catch (err) {
      console.error(`[notify] pass failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    await sleep(Math.max(0, env.UPTRUST_NOTIFY_INTERVAL_MS - (Date.now() - started)), signal);
  }
}
