import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPrometheus, type RunningPrometheus } from "./run-prometheus.ts";

export type ScrapeTarget = { job: string; address: string; bearer?: string };

// A real Prometheus scraping the given targets every second, as a team's Prometheus scrapes Uptrust's pods.
export async function startScrapingPrometheus(targets: readonly ScrapeTarget[]): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), "uptrust-prometheus-"));
  writeScrapeConfig(dir, targets);
  return runPrometheus(dir);
}

/** `dir`/prometheus.yml scraping `targets` every second; with a rule file, evaluating its rules every second too. */
export function writeScrapeConfig(dir: string, targets: readonly ScrapeTarget[], rules?: string): void {
  const auth = (t: { bearer?: string }) => (t.bearer ? `\n    authorization:\n      type: Bearer\n      credentials: ${JSON.stringify(t.bearer)}` : "");
  const jobs = targets.map((t) => `  - job_name: ${JSON.stringify(t.job)}${auth(t)}\n    static_configs:\n      - targets: [${JSON.stringify(t.address)}]`).join("\n");
  if (rules !== undefined) writeFileSync(join(dir, "rules.yml"), rules);
  const ruleFiles = rules !== undefined ? `  evaluation_interval: 1s\nrule_files:\n  - ${JSON.stringify(join(dir, "rules.yml"))}\n` : "";
  writeFileSync(join(dir, "prometheus.yml"), `global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n${ruleFiles}scrape_configs:\n${jobs}\n`);
}

type Sample = { metric: Record<string, string>; value: [number, string] };

/** The instant vector `query` returns once it has at least `atLeast` series (scrapes take a moment to land). */
export async function queryWhenPresent(prometheusUrl: string, query: string, atLeast = 1, timeoutMs = 15_000): Promise<Sample[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${prometheusUrl}/api/v1/query?${new URLSearchParams({ query })}`);
    const body = (await res.json()) as { status: string; data?: { result: Sample[] }; error?: string };
    if (body.status !== "success") throw new Error(`Prometheus refused ${query}: ${body.error}`);
    const result = body.data?.result ?? [];
    if (result.length >= atLeast) return result;
    if (Date.now() > deadline) throw new Error(`Prometheus had ${result.length} series for ${query} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
