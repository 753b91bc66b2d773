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
  writeFileSync(join(dir, "history.om"), openMetrics.endsWith("# EOF\n") ? openMetrics : `${openMetrics}# EOF\n`);
  writeFileSync(join(dir, "prometheus.yml"), "global:\n  scrape_interval: 1m\n");
  const backfill = spawnSync("promtool", ["tsdb", "create-blocks-from", "openmetrics", join(dir, "history.om"), join(dir, "tsdb")], { encoding: "utf8" });
  if (backfill.status !== 0) throw new Error(`promtool could not backfill (is Debian's prometheus package installed?): ${backfill.stderr || backfill.error?.message}`);
  return runPrometheus(dir);
}
