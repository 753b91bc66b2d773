import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { getRecommendationRows } from "@/lib/db/queries/get-recommendation-rows.ts";
import { getRightsizingDetail } from "@/lib/db/queries/get-rightsizing-detail.ts";
import { PODS_PER_QUERY } from "@/lib/prometheus/container-usage.ts";
import { startBackfilledPrometheus, type RunningPrometheus } from "@/lib/prometheus/testing/backfilled-prometheus.ts";
import type { RecommendationRow } from "@/lib/views/recommendation.ts";
import { recommend } from "./recommend.ts";

// Right-sizing from a real Prometheus holding four hours of cAdvisor's series (backfilled by promtool), for a
// cluster whose pods PostgreSQL knows: api steady at 0.2 cores and 300 MiB, throttled in 40 % of its CFS periods;
// web at 0.5 cores and 200 MiB, never throttled; fleet's 12 pods (more than one query asks for) each at 0.1 cores
// and 100 to 320 MiB; worker absent from Prometheus (its metrics.k8s.io rollups are used).
// The same Prometheus also holds another cluster's api, far busier, and the pod's own and pause cgroups: neither
// may count. A third cluster, edge, has a Prometheus of its own, which is the one read for it. Then Prometheus goes away and every container falls back to metrics.k8s.io, saying so.
const MIB = 2 ** 20;
const MIN = 60_000;
const now = Math.floor(Date.now() / (5 * MIN)) * 5 * MIN - 10 * MIN;
const start = now - 4 * 60 * MIN;
const FLEET = Array.from({ length: PODS_PER_QUERY + 2 }, (_, i) => `fleet-6b-${String(i).padStart(5, "0")}`);

type Series = { cluster: string; pod: string; container: string; cores: number; memoryBytes: number; throttled: number | null };
const SERIES: Series[] = [
  { cluster: "prod-eu", pod: "api-7c-aaaaa", container: "api", cores: 0.2, memoryBytes: 300 * MIB, throttled: 0.4 },
  { cluster: "prod-eu", pod: "web-5d-bbbbb", container: "web", cores: 0.5, memoryBytes: 200 * MIB, throttled: 0 },
  { cluster: "prod-eu", pod: "api-7c-aaaaa", container: "POD", cores: 3, memoryBytes: 900 * MIB, throttled: null },
  { cluster: "prod-eu", pod: "api-7c-aaaaa", container: "", cores: 3, memoryBytes: 900 * MIB, throttled: null },
  { cluster: "prod-us", pod: "api-7c-aaaaa", container: "api", cores: 3, memoryBytes: 3000 * MIB, throttled: 0.9 },
  ...FLEET.map((pod, i) => ({ cluster: "prod-eu", pod, container: "fleet", cores: 0.1, memoryBytes: (100 + 20 * i) * MIB, throttled: null })),
  // A decoy: edge has a Prometheus of its own, so this series, in the shared one, must not be read.
  { cluster: "edge", pod: "gateway-4f-ddddd", container: "gateway", cores: 3, memoryBytes: 3000 * MIB, throttled: null },
];
// Edge's own Prometheus holds edge alone: its series carry no cluster label.
const EDGE: Series[] = [{ cluster: "", pod: "gateway-4f-ddddd", container: "gateway", cores: 0.7, memoryBytes: 400 * MIB, throttled: null }];

// cAdvisor as the kubelet exposes it, scraped every 30 s: counters of CPU seconds and of CFS periods (100 ms each)
// and throttled periods, and the working set.
function cadvisorHistory(series: readonly Series[]): string {
  const families: Record<string, { type: string; lines: string[] }> = {
    container_cpu_usage_seconds_total: { type: "counter", lines: [] },
    container_memory_working_set_bytes: { type: "gauge", lines: [] },
    container_cpu_cfs_periods_total: { type: "counter", lines: [] },
    container_cpu_cfs_throttled_periods_total: { type: "counter", lines: [] },
  };
  for (const s of series) {
    const labels = `${s.cluster ? `cluster="${s.cluster}",` : ""}namespace="shop",pod="${s.pod}",container="${s.container}",job="kubelet"`;
    for (let t = start; t <= now; t += 30_000) {
      const seconds = (t - start) / 1000;
      const at = `${t / 1000}`;
      families.container_cpu_usage_seconds_total.lines.push(`container_cpu_usage_seconds_total{${labels}} ${s.cores * seconds} ${at}`);
      families.container_memory_working_set_bytes.lines.push(`container_memory_working_set_bytes{${labels}} ${s.memoryBytes} ${at}`);
      if (s.throttled === null) continue;
      families.container_cpu_cfs_periods_total.lines.push(`container_cpu_cfs_periods_total{${labels}} ${10 * seconds} ${at}`);
      families.container_cpu_cfs_throttled_periods_total.lines.push(`container_cpu_cfs_throttled_periods_total{${labels}} ${10 * seconds * s.throttled} ${at}`);
    }
  }
  return Object.entries(families).flatMap(([name, f]) => [`# TYPE ${name} ${f.type}`, ...f.lines]).join("\n") + "\n# EOF\n";
}

const q = async <T extends object>(sql: string, params: unknown[] = []) => (await getPool().query<T>(sql, params)).rows;
let prometheus: RunningPrometheus;
let edgePrometheus: RunningPrometheus;
let cluster: { id: string; name: string };
let edge: { id: string; name: string };
const krr = async (container: string): Promise<RecommendationRow> => {
  const row = (await getRecommendationRows()).find((r) => r.container === container && r.strategy === "krr-simple");
  if (!row) throw new Error(`no KRR suggestion for ${container}`);
  return row;
};

beforeAll(async () => {
  [prometheus, edgePrometheus] = await Promise.all([startBackfilledPrometheus(cadvisorHistory(SERIES)), startBackfilledPrometheus(cadvisorHistory(EDGE))]);
  process.env.UPTRUST_PROMETHEUS_URL = prometheus.url;
  process.env.UPTRUST_PROMETHEUS_CLUSTER_LABEL = "cluster";
  process.env.UPTRUST_PROMETHEUS_URLS = `edge=${edgePrometheus.url}`;
  await q(`TRUNCATE clusters CASCADE`);
  [edge] = await q<{ id: string; name: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('edge', 'https://10.9.0.1:6443', 'connected', $1) RETURNING id, name`, [new Date(now)]);
  await q(`INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, available_replicas) VALUES ($1, 'shop', 'Deployment', 'gateway', 'gateway', 1, 1)`, [edge.id]);
  const [gw] = await q<{ id: string }>(
    `INSERT INTO pods (cluster_id, namespace, name, uid, workload_kind, workload_name, phase) VALUES ($1, 'shop', 'gateway-4f-ddddd', 'gateway-4f-ddddd', 'Deployment', 'gateway', 'Running') RETURNING id`,
    [edge.id],
  );
  await q(`INSERT INTO containers (pod_id, name, image, request_cpu_millis, limit_cpu_millis, request_memory_bytes, limit_memory_bytes, ready, state)
           VALUES ($1, 'gateway', 'img:1', 1000, 1000, $2, $2, true, 'running')`, [gw.id, 1024 * MIB]);
  [cluster] = await q<{ id: string; name: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('prod-eu', 'https://10.0.0.1:6443', 'connected', $1) RETURNING id, name`, [new Date(now)]);
  for (const [name, pods] of [["api", ["api-7c-aaaaa"]], ["web", ["web-5d-bbbbb"]], ["worker", ["worker-9f-ccccc"]], ["fleet", FLEET]] as const) {
    await q(`INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, available_replicas) VALUES ($1, 'shop', 'Deployment', $2, $2, 1, 1)`, [cluster.id, name]);
    for (const pod of pods) {
      const [p] = await q<{ id: string }>(
        `INSERT INTO pods (cluster_id, namespace, name, uid, workload_kind, workload_name, phase) VALUES ($1, 'shop', $2, $2, 'Deployment', $3, 'Running') RETURNING id`,
        [cluster.id, pod, name],
      );
      await q(`INSERT INTO containers (pod_id, name, image, request_cpu_millis, limit_cpu_millis, request_memory_bytes, limit_memory_bytes, ready, state)
               VALUES ($1, $2, 'img:1', 1000, 1000, $3, $3, true, 'running')`, [p.id, name, 1024 * MIB]);
    }
  }
  // What ingest sampled from metrics.k8s.io over six hours: api at 100m / 500 MiB, worker at 50m / 150 MiB.
  for (const [name, cpu, memory] of [["api", 100, 500 * MIB], ["worker", 50, 150 * MIB]] as const) {
    await q(
      `INSERT INTO usage_rollups_5m (cluster_id, namespace, owner_kind, owner_name, container, bucket, samples, cpu_p50, cpu_p95, cpu_max, memory_p50, memory_p95, memory_max)
       SELECT $1, 'shop', 'Deployment', $2, $2, $3::timestamptz - make_interval(mins => 5 * (i + 1)), 10, $4, $4, $4, $5, $5, $5 FROM generate_series(0, 71) AS i`,
      [cluster.id, name, new Date(now), cpu, memory],
    );
  }
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
  await edgePrometheus?.stop();
  await disconnectPrisma();
  await closePools();
});

describe("right-sizing from the team's Prometheus (cAdvisor)", () => {
  it("sizes by KRR's rule over Prometheus's usage: p95 CPU, peak memory + 15 %, with the source and throttling stored", async () => {
    expect(await recommend(cluster, new Date(now), { force: true })).toBe("8 recommendations; usage from Prometheus for 3 of 4 containers");
    const api = await krr("api");
    // 0.2 cores → 200m; 300 MiB × 1.15 = 345 MiB (not the other cluster's 3 cores, nor the pod's cgroup or pause container).
    expect(api.recommended).toEqual({ cpuMillis: 200, memoryRequestBytes: 345 * MIB, memoryLimitBytes: 345 * MIB });
    expect(api.usage.source).toBe("prometheus");
    expect(api.usage.note).toBeNull();
    expect(api.usage.throttling?.p95).toBeCloseTo(0.4, 6);
    expect(api.usage.throttling?.max).toBeCloseTo(0.4, 6);
    expect(api.basis).toMatchObject({ percentile: 95, samples: 240, historyHours: 4 });
    const web = await krr("web");
    expect(web.recommended).toEqual({ cpuMillis: 500, memoryRequestBytes: 230 * MIB, memoryLimitBytes: 230 * MIB });
    expect(web.usage).toEqual({ source: "prometheus", note: null, throttling: { p95: 0, max: 0 } });
  });

  it("pools every pod of a workload whose pods take more than one query", async () => {
    const fleet = await krr("fleet");
    // 100m each; the largest pod's 320 MiB × 1.15 = 368 MiB; 240 one-minute samples from each of the 12 pods.
    expect(fleet.recommended).toEqual({ cpuMillis: 100, memoryRequestBytes: 368 * MIB, memoryLimitBytes: 368 * MIB });
    expect(fleet.basis).toMatchObject({ samples: 240 * FLEET.length, historyHours: 4 });
    expect(fleet.usage).toEqual({ source: "prometheus", note: null, throttling: null });
  });

  it("falls back to metrics.k8s.io for a container Prometheus has no series of", async () => {
    const worker = await krr("worker");
    expect(worker.usage).toEqual({ source: "metrics-api", note: "Prometheus has no cAdvisor series for this container", throttling: null });
    // 50m; 150 MiB × 1.15 = 172.5 → 173 MiB.
    expect(worker.recommended).toEqual({ cpuMillis: 50, memoryRequestBytes: 173 * MIB, memoryLimitBytes: 173 * MIB });
  });

  it("records Prometheus's buckets as the evidence of both strategies on the detail page", async () => {
    const d = await getRightsizingDetail((await krr("api")).id);
    expect(d?.strategies.map((s) => [s.evidence.strategy, s.evidence.source, s.row.usage.source])).toEqual([
      ["krr-simple", "prometheus_cadvisor_5m", "prometheus"],
      ["vpa", "prometheus_cadvisor_5m", "prometheus"],
    ]);
  });

  it("leaves for a later cycle the containers a cycle had no time to ask Prometheus about, keeping their suggestions", async () => {
    const before = await krr("api");
    expect(await recommend(cluster, new Date(now + 5 * MIN), { force: true, prometheusBudgetMs: 0 })).toBe(
      "0 recommendations; 4 left for a later cycle (this cycle's time for Prometheus is spent)",
    );
    expect(await krr("api")).toEqual(before);
  });

  it("reads a cluster with a Prometheus of its own (UPTRUST_PROMETHEUS_URLS) from that one, not from the shared one", async () => {
    expect(await recommend(edge, new Date(now), { force: true })).toBe("2 recommendations; usage from Prometheus for 1 of 1 containers");
    const gateway = await krr("gateway");
    // Edge's own 0.7 cores → 700m and 400 MiB × 1.15 = 460 MiB; the shared Prometheus's decoy says 3 cores.
    expect(gateway.recommended).toEqual({ cpuMillis: 700, memoryRequestBytes: 460 * MIB, memoryLimitBytes: 460 * MIB });
    expect(gateway.usage).toEqual({ source: "prometheus", note: null, throttling: null });
  });

  it("falls back to metrics.k8s.io for every container when Prometheus is down, saying it could not answer", async () => {
    await prometheus.stop();
    expect(await recommend(cluster, new Date(now + 5 * MIN), { force: true })).toMatch(
      /^4 recommendations; not enough history yet for 2; usage from Prometheus for 0 of 4 containers; Prometheus could not answer, metrics.k8s.io used instead: Prometheus at 127.0.0.1:\d+ did not answer: ECONNREFUSED$/,
    );
    const api = await krr("api");
    expect(api.usage.source).toBe("metrics-api");
    expect(api.usage.note).toMatch(/^Prometheus could not answer \(/);
    expect(api.usage.throttling).toBeNull();
    // metrics.k8s.io's 100m and 500 MiB × 1.15 = 575 MiB.
    expect(api.recommended).toEqual({ cpuMillis: 100, memoryRequestBytes: 575 * MIB, memoryLimitBytes: 575 * MIB });
  });
});
