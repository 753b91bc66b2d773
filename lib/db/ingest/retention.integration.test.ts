import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/pool.ts";
import { partitionUpkeep } from "./retention.ts";
import { rollupUsage } from "./rollup-usage.ts";
import { upsertCluster } from "./upsert-cluster.ts";

// Usage rollups as right-sizing will read them, and retention as an operator relies on it: old facts
// leave by the partition, recent ones stay, and the rollups outlive the raw samples.

const db = () => getPool();
let clusterId: string;
const now = new Date(Date.UTC(2026, 11, 1, 10, 17, 30)); // the cluster's clock: 10:17:30, inside the 10:15 bucket

async function sample(pod: string, workload: string | null, ts: Date, cpu: number, mem: number) {
  await db().query(
    `INSERT INTO usage_samples (cluster_id, namespace, pod, container, workload_kind, workload_name, ts, cpu_millis, memory_bytes)
     VALUES ($1, 'shop', $2, 'app', $3::"WorkloadKind", $4, $5, $6, $7)`,
    [clusterId, pod, workload ? "Deployment" : null, workload, ts, cpu, mem],
  );
}
const at = (h: number, m: number, s = 0) => new Date(Date.UTC(2026, 11, 1, h, m, s));

beforeAll(async () => {
  await db().query("TRUNCATE clusters CASCADE");
  await partitionUpkeep(db(), { factsDays: 30, usageDays: 14 });
  clusterId = await upsertCluster(db(), "rollups", "http://rollups");
  await db().query(`UPDATE clusters SET last_event_at = $2 WHERE id = $1`, [clusterId, now]);
  // checkout: 3 pods × 10 samples in the 10:05 bucket, CPU 1..30 millicores, memory 1..30 MiB.
  for (let i = 0; i < 30; i++) await sample(`checkout-${i % 3}`, "checkout", at(10, 5, i * 9), i + 1, (i + 1) * 2 ** 20);
  await sample("debug-shell", null, at(10, 6), 5, 64 * 2 ** 20); // a pod no controller owns
  await sample("checkout-0", "checkout", at(10, 16), 999, 999 * 2 ** 20); // the open bucket
});

afterAll(async () => {
  await db().query("TRUNCATE clusters CASCADE");
});

describe("5-minute usage rollups", () => {
  it("give p50, p95 and max over every sample of every pod of a workload container in the bucket", async () => {
    await rollupUsage(db(), clusterId);
    const { rows } = await db().query(
      `SELECT owner_kind, owner_name, bucket, samples, cpu_p50, cpu_p95, cpu_max, memory_p50, memory_p95, memory_max
         FROM usage_rollups_5m ORDER BY owner_name, bucket`,
    );
    expect(rows).toEqual([
      // percentile_cont over 1..30: p50 = 15.5, p95 = 1 + 0.95 × 29 = 28.55.
      {
        owner_kind: "Deployment", owner_name: "checkout", bucket: at(10, 5), samples: 30, cpu_p50: 15.5, cpu_p95: expect.closeTo(28.55, 9), cpu_max: 30,
        memory_p50: Math.round(15.5 * 2 ** 20), memory_p95: Math.round(28.55 * 2 ** 20), memory_max: 30 * 2 ** 20,
      },
      { owner_kind: "Pod", owner_name: "debug-shell", bucket: at(10, 5), samples: 1, cpu_p50: 5, cpu_p95: 5, cpu_max: 5, memory_p50: 64 * 2 ** 20, memory_p95: 64 * 2 ** 20, memory_max: 64 * 2 ** 20 },
    ]);
  });

  it("leave the bucket the cluster is still in alone, and take a late sample into its closed bucket", async () => {
    await sample("checkout-1", "checkout", at(10, 9, 59), 100, 2 ** 20);
    await rollupUsage(db(), clusterId);
    const { rows } = await db().query(`SELECT samples, cpu_max FROM usage_rollups_5m WHERE owner_name = 'checkout' ORDER BY bucket`);
    expect(rows).toEqual([{ samples: 31, cpu_max: 100 }]);
  });
});

describe("retention", () => {
  it("drops partitions past retention whole, keeps the current ones, and trims rollups older than 30 days", async () => {
    await db().query(`SELECT uptrust_ensure_month_partitions(now() - interval '5 months', 1)`);
    const old = (await db().query<{ name: string }>(`SELECT to_char(now() - interval '5 months', '"k8s_events_"YYYY_MM') AS name`)).rows[0].name;
    await db().query(
      `INSERT INTO k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, first_seen, last_seen)
       VALUES ($1, 'old', 'shop', 'Pod', 'p', 'BackOff', 'm', 'Warning', now() - interval '5 months', now() - interval '5 months'),
              ($1, 'new', 'shop', 'Pod', 'p', 'BackOff', 'm', 'Warning', now(), now())`,
      [clusterId],
    );
    await db().query(
      `INSERT INTO usage_rollups_5m (cluster_id, namespace, owner_kind, owner_name, container, bucket, samples, cpu_p50, cpu_p95, cpu_max, memory_p50, memory_p95, memory_max)
       VALUES ($1, 'shop', 'Deployment', 'ancient', 'app', now() - interval '40 days', 1, 1, 1, 1, 1, 1, 1)`,
      [clusterId],
    );
    const done = await partitionUpkeep(db(), { factsDays: 30, usageDays: 14 });
    expect(done?.dropped).toContain(old);
    expect(done?.rollupsDeleted).toBe(1);
    const events = await db().query(`SELECT uid FROM k8s_events WHERE cluster_id = $1`, [clusterId]);
    expect(events.rows).toEqual([{ uid: "new" }]);
    const today = await db().query(`SELECT to_regclass(to_char(now(), '"usage_samples_"YYYY_MM_DD')) IS NOT NULL AS exists`);
    expect(today.rows[0].exists).toBe(true);
  });
});
