import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPrometheus, type RunningPrometheus } from "./run-prometheus.ts";

// A real Prometheus scraping the given targets every second, as a team's Prometheus scrapes Uptrust's pods.
export async function startScrapingPrometheus(targets: readonly { job: string; address: string; bearer?: string }[]): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), "uptrust-prometheus-"));
  const auth = (t: { bearer?: string }) => (t.bearer ? `\n    authorization:\n      type: Bearer\n      credentials: ${JSON.stringify(t.bearer)}` : "");
  const jobs = targets.map((t) => `  - job_name: ${JSON.stringify(t.job)}${auth(t)}\n    static_configs:\n      - targets: [${JSON.stringify(t.address)}]`).join("\n");
  writeFileSync(join(dir, "prometheus.yml"), `global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n${jobs}\n`);
  return runPrometheus(dir);
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
