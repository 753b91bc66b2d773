import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPrometheus, type RunningPrometheus } from "./run-prometheus.ts";

export type { RunningPrometheus };

// A real Prometheus (Debian's package) serving history written beforehand with promtool's OpenMetrics
// backfill, so a test can ask about hours of past traffic without waiting for them to be scraped.
export async function startBackfilledPrometheus(openMetrics: string): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), "uptrust-prometheus-"));
  backfill(dir, openMetrics);
  writeFileSync(join(dir, "prometheus.yml"), "global:\n  scrape_interval: 1m\n");
  return runPrometheus(dir);
}

/** Writes the OpenMetrics history into `dir`/tsdb, where runPrometheus(dir) serves it. */
export function backfill(dir: string, openMetrics: string): void {
  writeFileSync(join(dir, "history.om"), openMetrics.endsWith("# EOF\n") ? openMetrics : `${openMetrics}# EOF\n`);
  const run = spawnSync("promtool", ["tsdb", "create-blocks-from", "openmetrics", join(dir, "history.om"), join(dir, "tsdb")], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`promtool could not backfill (is Debian's prometheus package installed?): ${run.stderr || run.error?.message}`);
}
