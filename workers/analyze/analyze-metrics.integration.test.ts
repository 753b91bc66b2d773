import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { serveMetrics, type MetricsServer } from "@/lib/metrics/serve-metrics.ts";
import { queryWhenPresent, startScrapingPrometheus } from "@/lib/prometheus/testing/scraping-prometheus.ts";
import type { RunningPrometheus } from "@/lib/prometheus/testing/run-prometheus.ts";
import { analyzeMetrics } from "./analyze-metrics.ts";
import { runAnalysisCycle } from "./run-analysis-cycle.ts";

// The analyze worker's own metrics as a team's Prometheus sees them: two real cycles over two clusters, served
// on the worker's metrics port and scraped by Debian's Prometheus.
const NOW = new Date("2026-12-06T12:00:00Z");
const metrics = analyzeMetrics();
let server: MetricsServer;
let prometheus: RunningPrometheus;
let ran: string[];

beforeAll(async () => {
  const db = getPool();
  await db.query("TRUNCATE clusters, mttr_weeks CASCADE");
  await db.query(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('prod-eu', 'https://a:6443', 'connected', $1), ('staging', 'https://b:6443', 'connected', $1)`, [NOW]);
  for (let i = 0; i < 2; i++) {
    const started = Date.now();
    const outcomes = await runAnalysisCycle();
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    metrics.recordCycle(outcomes, Date.now() - started);
    ran = outcomes.map((o) => `${o.cluster}/${o.job}`);
  }
  server = await serveMetrics(metrics.registry, 0, "127.0.0.1");
  prometheus = await startScrapingPrometheus([{ job: "uptrust-analyze", address: `127.0.0.1:${server.port}` }]);
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await server?.close();
  await disconnectPrisma();
  await closePools();
});

describe("the analyze worker's /metrics", () => {
  it("passes promtool's lint of the exposition format, but for the Node.js gauges prom-client names", async () => {
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    const lint = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
    const findings = `${lint.stdout}${lint.stderr}`.split("\n").filter(Boolean);
    // prom-client's default metrics name three gauges ..._total (nodejs_active_handles_total and the like).
    expect(findings.filter((f) => !/^uptrust_analyze_nodejs_active_\w+_total non-counter metrics should not have "_total" suffix$/.test(f))).toEqual([]);
    expect(text).toContain("# TYPE uptrust_analysis_job_duration_seconds histogram");
  });

  it("is scraped by Prometheus: every job of every cluster ran twice, none failed, and the cycles are counted", async () => {
    const up = await queryWhenPresent(prometheus.url, 'up{job="uptrust-analyze"} == 1');
    expect(up).toHaveLength(1);
    const counts = await queryWhenPresent(prometheus.url, 'uptrust_analysis_job_duration_seconds_count{outcome="ok"}', ran.length);
    const seen = counts.map((s) => `${s.metric.cluster}/${s.metric.analysis_job}=${s.value[1]}`).sort();
    expect(seen).toEqual(ran.map((r) => `${r}=2`).sort());
    expect(seen).toContain("staging/evaluate-slos=2");
    const cycles = await queryWhenPresent(prometheus.url, "uptrust_analysis_cycle_duration_seconds_count");
    expect(cycles.map((s) => s.value[1])).toEqual(["2"]);
    const failed = await queryWhenPresent(prometheus.url, "sum(uptrust_analysis_job_failures_total) or vector(0)");
    expect(failed.map((s) => s.value[1])).toEqual(["0"]);
    // The process's own figures come along, so a team sees the worker's memory beside its jobs.
    expect(await queryWhenPresent(prometheus.url, "uptrust_analyze_process_resident_memory_bytes")).toHaveLength(1);
  });

  it("answers 404 with where to look for any other path", async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("Uptrust serves its metrics at /metrics\n");
  });
});
