import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { getCapacity } from "@/lib/db/queries/get-capacity.ts";
import { getCapacityPool } from "@/lib/db/queries/get-capacity-pool.ts";
import { thinReadings } from "@/lib/domain/thin-readings.ts";
import { forecastCapacity } from "./forecast-capacity.ts";
import { runAnalysisCycle } from "./run-analysis-cycle.ts";

// Three days of a cluster as ingest stores it: a Karpenter pool whose deployments keep adding a 250m
// pod every six hours, and a batch pool (no pool label, one instance type) with a job that ran once.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const now = new Date(Date.UTC(2026, 10, 25, 12, 0));
const ago = (ms: number) => new Date(now.getTime() - ms);
let clusterId = "";

async function q<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await getPool().query<T>(sql, params)).rows;
}

async function node(name: string, labels: Record<string, string>, cpu: string, memoryBytes: number): Promise<void> {
  await q(
    `INSERT INTO nodes (cluster_id, name, uid, labels, ready, allocatable_cpu_millis, allocatable_memory_bytes, kubelet_version, created_at, updated_at)
     VALUES ($1, $2, $2 || '-uid', $3, true, $4, $5, 'v1.32.3', $6, $6)`,
    [clusterId, name, JSON.stringify(labels), Number(cpu), memoryBytes, ago(30 * DAY)],
  );
}

async function pod(name: string, nodeName: string, cpuMillis: number, memoryBytes: number, opts: { startedAt: Date; deletedAt?: Date; phase?: string; updatedAt?: Date }) {
  const [p] = await q<{ id: string }>(
    `INSERT INTO pods (cluster_id, namespace, name, uid, node_name, phase, created_at, started_at, deleted_at, updated_at)
     VALUES ($1, 'shop', $2, $2 || '-uid', $3, $4, $5, $5, $6, $7) RETURNING id`,
    [clusterId, name, nodeName, opts.phase ?? "Running", opts.startedAt, opts.deletedAt ?? null, opts.updatedAt ?? opts.startedAt],
  );
  await q(`INSERT INTO containers (pod_id, name, image, request_cpu_millis, request_memory_bytes, state) VALUES ($1, 'app', 'app:1', $2, $3, 'running')`, [p.id, cpuMillis, memoryBytes]);
}

async function seed(): Promise<void> {
  await q(`TRUNCATE clusters CASCADE`);
  [{ id: clusterId }] = await q<{ id: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('prod', 'https://prod:6443', 'connected', $1) RETURNING id`, [now]);
  await node("general-a", { "karpenter.sh/nodepool": "general", "node.kubernetes.io/instance-type": "m6i.xlarge" }, "4000", 16 * GIB);
  await node("general-b", { "karpenter.sh/nodepool": "general", "node.kubernetes.io/instance-type": "m6i.xlarge" }, "4000", 16 * GIB);
  await node("batch-a", { "node.kubernetes.io/instance-type": "c6i.2xlarge" }, "8000", 16 * GIB);
  // general: 8 long-running pods (4 cores, 8 GiB), then a 250m / 256 MiB pod every 6 hours for 3 days.
  for (let i = 0; i < 8; i++) await pod(`base-${i}`, i % 2 ? "general-b" : "general-a", 500, GIB, { startedAt: ago(20 * DAY) });
  for (let k = 0; k < 12; k++) await pod(`grow-${k}`, k % 2 ? "general-b" : "general-a", 250, 256 * MIB, { startedAt: ago(72 * HOUR - k * 6 * HOUR) });
  // batch: one steady pod, and a 2-core job that ran 10:00–11:00 two days ago and finished.
  await pod("steady", "batch-a", 1000, 2 * GIB, { startedAt: ago(20 * DAY) });
  await pod("report-job", "batch-a", 2000, 4 * GIB, { startedAt: ago(2 * DAY + 2 * HOUR), phase: "Succeeded", updatedAt: ago(2 * DAY + HOUR) });
  // A pod on a node that was never stored cannot be put in a pool.
  await pod("orphan", "ghost-node", 100, MIB, { startedAt: ago(DAY) });
  // Node usage every 5 minutes from exactly three days ago (when Uptrust started watching): CPU flat,
  // memory of each general node growing 0.5 GiB a day.
  await q(
    `INSERT INTO node_usage (cluster_id, node, ts, cpu_millis, memory_bytes)
     SELECT $1, n, $2::timestamptz + make_interval(mins => m * 5), 1500, 4 * 1073741824::bigint + m * 5 * 1073741824::bigint / 2880
       FROM unnest(ARRAY['general-a', 'general-b', 'batch-a']) AS n, generate_series(0, 72 * 12 - 1) AS m`,
    [clusterId, ago(72 * HOUR)],
  );
}

const forecastOf = async (pool: string, resource: string, basis: string) =>
  (await q<{ status: string; exhausts_at: Date | null; earliest_at: Date | null; latest_at: Date | null; slope_per_hour: number; points: number; explanation: string }>(
    `SELECT * FROM capacity_forecasts WHERE pool = $1 AND resource = $2 AND basis = $3`,
    [pool, resource, basis],
  ))[0];

describe("capacity forecasts from stored facts", () => {
  let detail = "";
  beforeAll(async () => {
    await seed();
    detail = await forecastCapacity({ id: clusterId, name: "prod" }, now);
  });
  afterAll(async () => {
    // Leave the shared test database as found: other files assume no clusters of ours linger.
    await q(`TRUNCATE clusters CASCADE`);
    await closePools();
  });

  it("rebuilds every hour since Uptrust started watching, per pool, and says what it left out", async () => {
    expect(detail).toBe("2 pools, 72 hours rebuilt; soonest: general cpu requests around 2026-11-26; 1 pod on nodes Uptrust has no record of left out");
    const hours = await q<{ pool: string; n: number; first: Date }>(`SELECT pool, count(*)::int AS n, min(bucket) AS first FROM capacity_points GROUP BY pool ORDER BY pool`);
    expect(hours.map((h) => [h.pool, h.n, h.first.toISOString()])).toEqual([
      ["c6i.2xlarge", 72, ago(72 * HOUR).toISOString()],
      ["general", 72, ago(72 * HOUR).toISOString()],
    ]);
  });

  it("a pool adding 1 core of requests a day with 1 core of headroom runs out in about a day", async () => {
    const f = await forecastOf("general", "cpu", "requests");
    expect(f.status).toBe("exhausts");
    expect(f.slope_per_hour * 24).toBeGreaterThan(900);
    expect(f.slope_per_hour * 24).toBeLessThan(1100);
    const days = (d: Date | null) => (d!.getTime() - now.getTime()) / DAY;
    expect(days(f.exhausts_at)).toBeGreaterThan(0.8);
    expect(days(f.exhausts_at)).toBeLessThan(1.5);
    expect(f.earliest_at!.getTime()).toBeLessThanOrEqual(f.exhausts_at!.getTime());
    expect(f.latest_at!.getTime()).toBeGreaterThanOrEqual(f.exhausts_at!.getTime());
    expect(f.explanation).toMatch(/^CPU requests grow by .* a day over the last 3 days and 1 core of 8 cores allocatable is left: at that pace the pool runs out in about .* hours, around 2026-11-26 \(95 % interval /);
  });

  it("memory usage growing a GiB a day over 24 GiB free runs out in about three weeks", async () => {
    const f = await forecastOf("general", "memory", "usage");
    expect(f.status).toBe("exhausts");
    expect(f.slope_per_hour * 24).toBeCloseTo(GIB, -7);
    expect(f.explanation).toMatch(/^Memory usage grows by 1 GiB a day .* runs out in about 2[0-9] days/);
  });

  it("gives flat usage and a pool whose only growth was a finished job no date, and says why", async () => {
    const usage = await forecastOf("general", "cpu", "usage");
    expect(usage).toMatchObject({ status: "no-forecast", exhausts_at: null, earliest_at: null });
    expect(usage.explanation).toBe("CPU usage is flat or falling (0m a day over the last 3 days): no exhaustion forecast; 5 cores of 8 cores allocatable is left.");
    const batch = await forecastOf("c6i.2xlarge", "cpu", "requests");
    expect(batch.status).toBe("no-forecast");
    expect(batch.exhausts_at).toBeNull();
  });

  it("counts the finished job only while it ran", async () => {
    const hours = await q<{ bucket: Date; requested_cpu_millis: number }>(
      `SELECT bucket, requested_cpu_millis FROM capacity_points WHERE pool = 'c6i.2xlarge' AND bucket BETWEEN $1 AND $2 ORDER BY bucket`,
      [ago(2 * DAY + 3 * HOUR), ago(2 * DAY)],
    );
    expect(hours.map((h) => h.requested_cpu_millis)).toEqual([1000, 3000, 1000, 1000]);
  });

  it("shows the cockpit the most urgent pool first, with its history and a trend that crosses allocatable", async () => {
    const view = await getCapacity();
    expect(view.totalPools).toBe(2);
    const [general] = view.pools;
    expect(general).toMatchObject({ cluster: "prod", pool: "general", nodeCount: 2 });
    // The card's thumbnail: 72 hours as every other hour, the newest the pool page's newest.
    const page = await getCapacityPool("prod", "general");
    expect([general.points.length, general.pointEveryHours, page?.pool.points.length, page?.pool.pointEveryHours]).toEqual([36, 2, 72, 1]);
    expect(general.points).toEqual(thinReadings(page!.pool.points, 60).kept);
    const cpu = general.forecasts.find((f) => f.resource === "cpu" && f.basis === "requests")!;
    expect(cpu.fit?.points).toBe(72);
    const ahead = cpu.trend.filter((t) => Date.parse(t.t) > Date.parse(cpu.exhaustsAt!));
    expect(ahead.length).toBeGreaterThan(0);
    expect(ahead.every((t) => t.fit >= 8000 && t.low <= t.fit && t.fit <= t.high)).toBe(true);
  });

  it("traces the pool page to its nodes, the label that put them there, and what they hold now", async () => {
    const page = await getCapacityPool("prod", "general");
    expect(page?.nodes.map((n) => [n.node, n.poolLabel, n.allocatableCpuMillis, n.requestedCpuMillis, n.pods])).toEqual([
      ["general-a", "karpenter.sh/nodepool", 4000, 2000 + 6 * 250, 10],
      ["general-b", "karpenter.sh/nodepool", 4000, 2000 + 6 * 250, 10],
    ]);
    expect(await getCapacityPool("prod", "nope")).toBeNull();
    expect(await getCapacityPool("other", "general")).toBeNull();
  });

  it("goes on from the newest hour: the next run is fresh, an hour later rebuilds only the new hours", async () => {
    expect(await forecastCapacity({ id: clusterId, name: "prod" }, new Date(now.getTime() + 60_000))).toBe("capacity forecasts are fresh");
    const later = await forecastCapacity({ id: clusterId, name: "prod" }, new Date(now.getTime() + HOUR));
    expect(later).toMatch(/^2 pools, 2 hours rebuilt;/);
    const [{ n }] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM capacity_points WHERE pool = 'general'`);
    expect(n).toBe(73);
  });

  it("reads a long history half a day at a time, forecasting only once it has reached now", async () => {
    await q(`DELETE FROM capacity_points`);
    await q(`DELETE FROM capacity_forecasts`);
    const run = () => forecastCapacity({ id: clusterId, name: "prod" }, now, { budgetMs: 0 });
    expect(await run()).toBe(`12 hours rebuilt; still reading history (up to ${ago(60 * HOUR).toISOString()}), forecasts follow once it reaches now`);
    expect(await q(`SELECT 1 FROM capacity_forecasts`)).toHaveLength(0);
    const runs = [];
    for (let last = ""; !last.startsWith("2 pools") && runs.length < 10; ) runs.push((last = await run()));
    // Each run goes on from the newest stored hour, taking that one again: six more runs reach now.
    expect(runs).toHaveLength(6);
    expect(runs.at(-1)).toMatch(/^2 pools, 6 hours rebuilt; soonest: general cpu requests around 2026-11-26/);
    expect((await forecastOf("general", "cpu", "requests")).points).toBe(72);
  });

  it("runs in the analysis cycle without failing", async () => {
    const outcomes = await runAnalysisCycle(new Date(now.getTime() + 2 * HOUR));
    expect(outcomes.find((o) => o.job === "forecast-capacity")).toMatchObject({ ok: true, cluster: "prod" });
  });
});
