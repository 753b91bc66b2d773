import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/pool.ts";
import { loadKubeTargets } from "@/lib/k8s/load-kubeconfig.ts";
import { serveMetrics, type MetricsServer } from "@/lib/metrics/serve-metrics.ts";
import { queryWhenPresent, startScrapingPrometheus } from "@/lib/prometheus/testing/scraping-prometheus.ts";
import type { RunningPrometheus } from "@/lib/prometheus/testing/run-prometheus.ts";
import { startEmulator, type Emulator } from "@/workers/emulator/index.ts";
import { DEMO_CONTEXT } from "@/workers/emulator/kubeconfig.ts";
import { ingestConfig } from "./config.ts";
import { ingestMetrics } from "./ingest-metrics.ts";
import { startIngest, type RunningIngest } from "./start-ingest.ts";

// The ingest worker's own metrics as a team's Prometheus sees them: the real ingest code watching the demo
// cluster, its /metrics scraped every second by Debian's Prometheus, then the cluster going away.
const kubeconfigPath = join(mkdtempSync(join(tmpdir(), "uptrust-ingest-metrics-")), "kubeconfig");
const metrics = ingestMetrics();
let emulator: Emulator | undefined;
let ingest: RunningIngest;
let server: MetricsServer;
let prometheus: RunningPrometheus;
const cluster = `cluster="${DEMO_CONTEXT}"`;

beforeAll(async () => {
  await getPool().query("TRUNCATE clusters CASCADE");
  emulator = await startEmulator({ port: 0, speed: 60, leadMinutes: 10, seed: 7, kubeconfigPath });
  const config = ingestConfig({ UPTRUST_METRICS_POLL_MS: "500" });
  ingest = startIngest({ db: getPool(), targets: loadKubeTargets({ kubeconfigPath }), config, log: () => undefined, metrics });
  server = await serveMetrics(metrics.registry, 0, "127.0.0.1");
  prometheus = await startScrapingPrometheus([{ job: "uptrust-ingest", address: `127.0.0.1:${server.port}` }]);
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await ingest?.stop();
  await server?.close();
  await emulator?.stop();
});

describe("the ingest worker's /metrics", () => {
  it("tells Prometheus the cluster's lag and how full each write buffer is, with nothing dropped", async () => {
    expect(await queryWhenPresent(prometheus.url, 'up{job="uptrust-ingest"} == 1')).toHaveLength(1);
    const lag = await queryWhenPresent(prometheus.url, `uptrust_ingest_lag_seconds{${cluster}}`, 1, 30_000);
    expect(Number(lag[0].value[1])).toBeGreaterThanOrEqual(0);
    const fills = await queryWhenPresent(prometheus.url, `uptrust_ingest_buffer_fill_ratio{${cluster}}`, 4, 30_000);
    expect(fills.map((s) => s.metric.buffer)).toContain("workloads");
    for (const s of fills) expect(Number(s.value[1]), s.metric.buffer).toBeLessThan(1);
    const dropped = await queryWhenPresent(prometheus.url, `sum(uptrust_ingest_facts_dropped_total{${cluster}}) or vector(0)`);
    expect(dropped.map((s) => s.value[1])).toEqual(["0"]);
    expect(await queryWhenPresent(prometheus.url, "uptrust_ingest_process_resident_memory_bytes")).toHaveLength(1);
  }, 60_000);

  it("counts the streams that lose the API server when the cluster goes away", async () => {
    await emulator?.stop();
    emulator = undefined;
    const errors = await queryWhenPresent(prometheus.url, `sum(uptrust_ingest_stream_errors_total{${cluster}}) > 0`, 1, 30_000);
    expect(Number(errors[0].value[1])).toBeGreaterThan(0);
  }, 60_000);
});
