import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { getRecommendationPatch } from "@/lib/db/queries/get-recommendation-patch.ts";
import { getRecommendationRows } from "@/lib/db/queries/get-recommendation-rows.ts";
import { getRightsizingDetail } from "@/lib/db/queries/get-rightsizing-detail.ts";
import { recommend, REFRESH_SLICES, refreshSlice } from "./recommend.ts";

// Right-sizing end to end on one workload: 5-minute rollups in, KRR and VPA out, the hold following the
// SLO every cycle, and every figure the cockpit shows traced on the detail read model.
const MIB = 2 ** 20;
const now = new Date(Date.UTC(2026, 11, 2, 12, 0));
const q = async <T extends object>(sql: string, params: unknown[] = []) => (await getPool().query<T>(sql, params)).rows;
let cluster: { id: string; name: string };
const nowMinute = Math.floor(now.getTime() / 60_000);
const apiSlice = refreshSlice({ namespace: "shop", kind: "Deployment", workloadName: "api", container: "api" });
let sloId: string;

beforeAll(async () => {
  await q(`TRUNCATE clusters CASCADE`);
  [cluster] = await q<{ id: string; name: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('prod-eu', 'https://10.0.0.1:6443', 'connected', $1) RETURNING id, name`, [now]);
  const [w] = await q<{ id: string }>(
    `INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, available_replicas, ready_replicas, updated_replicas)
     VALUES ($1, 'shop', 'Deployment', 'api', 'api-uid', 3, 3, 3, 3) RETURNING id`, [cluster.id]);
  const [p] = await q<{ id: string }>(
    `INSERT INTO pods (cluster_id, namespace, name, uid, workload_kind, workload_name, phase) VALUES ($1, 'shop', 'api-7c-aaaaa', 'api-pod-uid', 'Deployment', 'api', 'Running') RETURNING id`, [cluster.id]);
  await q(`INSERT INTO containers (pod_id, name, image, request_cpu_millis, limit_cpu_millis, request_memory_bytes, limit_memory_bytes, ready, state)
           VALUES ($1, 'api', 'api:1.0', 1000, 2000, $2, $2, true, 'running')`, [p.id, 2048 * MIB]);
  // Six hours of buckets, ten samples each: ~100m with bursts to 300m, ~500 MiB.
  await q(
    `INSERT INTO usage_rollups_5m (cluster_id, namespace, owner_kind, owner_name, container, bucket, samples, cpu_p50, cpu_p95, cpu_max, memory_p50, memory_p95, memory_max)
     SELECT $1, 'shop', 'Deployment', 'api', 'api', $2::timestamptz - make_interval(mins => 5 * (i + 1)), 10, 100, 150, 300, $3, $3, $4
       FROM generate_series(0, 71) AS i`,
    [cluster.id, now, 480 * MIB, 500 * MIB],
  );
  [{ id: sloId }] = await q<{ id: string }>(`INSERT INTO slos (workload_id, name, target) VALUES ($1, 'availability', 0.999) RETURNING id`, [w.id]);
  await q(`INSERT INTO slo_status (slo_id, computed_at, sli, budget_remaining, burn_rate_1h, burn_rate_6h, burn_rate_30d, explanation)
           VALUES ($1, $2, 0.99, 0.4, 0.3, 2.5, 1.2, 'api is burning')`, [sloId, now]);
  expect(await recommend(cluster, now, { force: true })).toBe("2 recommendations; 2 held while an SLO burns");
});

afterAll(async () => {
  await disconnectPrisma();
  await closePools();
});

describe("right-sizing from rollups to the cockpit", () => {
  it("shows KRR and VPA for the container, each held with the SLO named, savings in cores, GiB and money a month", async () => {
    const rows = await getRecommendationRows();
    expect(rows.map((r) => r.strategy)).toEqual(["krr-simple", "vpa"]);
    for (const r of rows) {
      expect(r).toMatchObject({ cluster: "prod-eu", workload: "api", workloadKind: "Deployment", replicas: 3, held: true, enoughHistory: true });
      expect(r.heldReason).toBe("held: api's availability SLO is burning 2.5× — downsizing now would risk it");
      expect(r.savings.cpuCores).toBeCloseTo(r.savingsPerReplica.cpuCores! * 3, 3);
      // Default prices (lib/env.ts): 0.031611 per core-hour, 0.004237 per GiB-hour, × 730 h.
      expect(r.monthly.cpu).toBeCloseTo(r.savings.cpuCores! * 0.031611 * 730, 1);
      expect(r.monthly.memory).toBeCloseTo(r.savings.memoryGiB! * 0.004237 * 730, 1);
      expect(r.monthly.currency).toBe("USD");
    }
    const krr = rows[0];
    // Each bucket's max is one of its ten samples: one sample in ten is a 300m burst, so the p95 is the burst.
    expect(krr.recommended).toEqual({ cpuMillis: 300, memoryRequestBytes: 575 * MIB, memoryLimitBytes: 575 * MIB });
    expect(krr.basis).toEqual({ percentile: 95, samples: 720, historyHours: 6, oomBump: false });
  });

  it("traces every figure on the detail read model: the buckets read, the percentile, the SLO and the prices", async () => {
    const [krr] = await getRecommendationRows();
    const d = await getRightsizingDetail(krr.id);
    if (!d) throw new Error("no detail");
    expect(d).toMatchObject({ selectedId: krr.id, namespace: "shop", workload: "api", container: "api", replicas: 3 });
    expect(d.current).toEqual({ cpuRequestMillis: 1000, cpuLimitMillis: 2000, memoryRequestBytes: 2048 * MIB, memoryLimitBytes: 2048 * MIB });
    expect(d.usage.points).toHaveLength(72);
    expect(d.usage.points.reduce((n, p) => n + p.samples, 0)).toBe(720);
    expect(d.usage.from).toBe("2026-12-02T06:00:00.000Z");
    expect(d.strategies.map((s) => s.evidence.strategy)).toEqual(["krr-simple", "vpa"]);
    expect(d.strategies[0].evidence).toMatchObject({ cpuPercentile: 95, cpuPercentileMillis: 300, memoryMaxBytes: 500 * MIB, bucketCount: 72, sampleCount: 720 });
    expect(d.strategies[1].evidence).toMatchObject({ halfLifeHours: 24, historyDays: 0.25, upperBoundFactor: 5 });
    expect(d.slos).toEqual([{ name: "availability", burnRate1h: 0.3, burnRate6h: 2.5, computedAt: now.toISOString() }]);
    expect(d.prices).toEqual({ cpuCoreHour: 0.031611, memoryGibHour: 0.004237, currency: "USD", hoursPerMonth: 730 });
    expect(await getRightsizingDetail("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("lists each suggestion exactly as its own page shows it, though the list reads only part of the basis", async () => {
    for (const listed of await getRecommendationRows()) {
      const own = (await getRightsizingDetail(listed.id))!.strategies.find((s) => s.row.id === listed.id)!.row;
      expect(listed).toEqual(own);
    }
  });

  it("exports nothing while every change is a held downsizing, then the full patch once the SLO recovers, without recomputing", async () => {
    const [krr] = await getRecommendationRows();
    expect(await getRecommendationPatch(krr.id)).toMatchObject({ ok: false });
    await q(`UPDATE slo_status SET burn_rate_6h = 0.8 WHERE slo_id = $1`, [sloId]);
    // A minute later, in a minute whose sixtieth of the containers this one is not in.
    const later = new Date(now.getTime() + (apiSlice === (nowMinute + 1) % REFRESH_SLICES ? 2 : 1) * 60_000);
    expect(await recommend(cluster, later)).toBe("recommendations are fresh; 2 holds changed with the SLOs");
    const rows = await getRecommendationRows();
    expect(rows.map((r) => [r.held, r.heldReason, r.computedAt])).toEqual([[false, null, now.toISOString()], [false, null, now.toISOString()]]);
    const patch = await getRecommendationPatch(krr.id);
    if (!patch?.ok) throw new Error(JSON.stringify(patch));
    expect(patch.commands.json).toContain("kubectl --context prod-eu --namespace shop patch deployment api --type strategic --patch ");
    expect(JSON.parse(patch.json).spec.template.spec.containers).toEqual([{ name: "api", resources: { requests: { cpu: "300m", memory: "575Mi" }, limits: { memory: "575Mi" } } }]);
  });

  it("recomputes each container within a cluster-hour, in the minute of its own sixtieth, not all containers at once", async () => {
    const stamps = async () => (await getRecommendationRows()).map((r) => r.computedAt);
    const before = await stamps();
    let minute = nowMinute + 3;
    while (minute % REFRESH_SLICES === apiSlice) minute++;
    expect(await recommend(cluster, new Date(minute * 60_000))).toBe("recommendations are fresh");
    expect(await stamps()).toEqual(before);
    while (minute % REFRESH_SLICES !== apiSlice) minute++;
    expect(minute - nowMinute).toBeLessThanOrEqual(REFRESH_SLICES + 3);
    expect(await recommend(cluster, new Date(minute * 60_000))).toMatch(/^2 recommendations/);
    expect(await stamps()).toEqual([new Date(minute * 60_000).toISOString(), new Date(minute * 60_000).toISOString()]);
  });

  it("gives a container its first recommendation in the first cycle its history allows, whatever its slice", async () => {
    await q(`INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, available_replicas, ready_replicas, updated_replicas)
             VALUES ($1, 'shop', 'Deployment', 'web', 'web-uid', 1, 1, 1, 1)`, [cluster.id]);
    const [p] = await q<{ id: string }>(
      `INSERT INTO pods (cluster_id, namespace, name, uid, workload_kind, workload_name, phase) VALUES ($1, 'shop', 'web-5d-bbbbb', 'web-pod-uid', 'Deployment', 'web', 'Running') RETURNING id`, [cluster.id]);
    await q(`INSERT INTO containers (pod_id, name, image, request_cpu_millis, request_memory_bytes, limit_memory_bytes, ready, state) VALUES ($1, 'web', 'web:1.0', 500, $2, $2, true, 'running')`, [p.id, 1024 * MIB]);
    const webSlice = refreshSlice({ namespace: "shop", kind: "Deployment", workloadName: "web", container: "web" });
    // A cycle long after the last refreshes every slice; the four after it are a minute apart, in
    // minutes whose sixtieth holds neither container.
    const busy = (m: number) => m % REFRESH_SLICES === webSlice || m % REFRESH_SLICES === apiSlice;
    let minute = nowMinute + 200;
    while ([1, 2, 3, 4].some((k) => busy(minute + k))) minute++;
    await recommend(cluster, new Date(minute * 60_000));
    const nextMinute = () => new Date(++minute * 60_000);
    const buckets = async (hours: number, end: Date) =>
      q(`INSERT INTO usage_rollups_5m (cluster_id, namespace, owner_kind, owner_name, container, bucket, samples, cpu_p50, cpu_p95, cpu_max, memory_p50, memory_p95, memory_max)
         SELECT $1, 'shop', 'Deployment', 'web', 'web', $2::timestamptz - make_interval(mins => 5 * (i + 1)), 10, 50, 60, 80, $3, $3, $3
           FROM generate_series(0, $4::int - 1) AS i ON CONFLICT DO NOTHING`, [cluster.id, end, 200 * MIB, hours * 12]);
    const first = nextMinute();
    await buckets(2, first);
    expect(await recommend(cluster, first)).toBe("0 recommendations (1 of 2 containers, 1 of 60 slices); not enough history yet for 1");
    const second = nextMinute();
    await buckets(4, second);
    expect(await recommend(cluster, second)).toBe("2 recommendations (1 of 2 containers, 1 of 60 slices)");
    expect((await getRecommendationRows()).filter((r) => r.workload === "web").map((r) => r.computedAt)).toEqual([second.toISOString(), second.toISOString()]);
    // From then on it waits for its own sixtieth like every other container, unless what it was sized
    // against changes: a patch that lowers its request is taken into account the next minute.
    expect(await recommend(cluster, nextMinute())).toBe("recommendations are fresh");
    await q(`UPDATE containers SET request_cpu_millis = 100 WHERE pod_id = $1`, [p.id]);
    const patched = nextMinute();
    expect(await recommend(cluster, patched)).toBe("2 recommendations (1 of 2 containers, 1 of 60 slices)");
    expect((await getRecommendationRows()).filter((r) => r.workload === "web").map((r) => [r.current.cpuMillis, r.computedAt])).toEqual([[100, patched.toISOString()], [100, patched.toISOString()]]);
  });
});
