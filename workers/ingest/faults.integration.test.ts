import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildDatabase } from "@/lib/db/rebuild-database.ts";
import { startScratchPostgres, type ScratchPostgres } from "@/lib/db/testing/scratch-postgres.ts";
import { loadKubeTargets } from "@/lib/k8s/load-kubeconfig.ts";
import { buildWorkers, INGEST_NODE_FLAGS } from "@/scripts/build-workers.ts";
import { startEmulator, type Emulator } from "@/workers/emulator/index.ts";
import { storedVersusCluster } from "./testing/stored-versus-cluster.ts";
import { startIngest, type RunningIngest } from "./start-ingest.ts";
import { ingestConfig } from "./config.ts";

// What an SRE fears from an ingest pipeline, done to a running one: the API server compacts history
// (410 Gone), the API server restarts, PostgreSQL restarts mid-stream, and a worker is killed with
// SIGKILL in the middle of writing a batch while a second worker waits. After each, what Uptrust
// stored must equal what the cluster serves: the same live pods with the same phase and restarts, the
// same deployments with the same replica counts, every event the cluster holds exactly once with its
// count. The database is a server of the test's own, so restarting it disturbs no other test.

// The worker's own defaults, validated as in production, with the knobs this test turns.
// Buffers of 2,000 rows, so an outage can outlast them within a test.
const config = ingestConfig({ UPTRUST_METRICS_POLL_MS: "1000", UPTRUST_LOG_MAX_FOLLOWERS: "50", UPTRUST_INGEST_LEASE_SECONDS: "3", UPTRUST_INGEST_BUFFER_ROWS: "2000" });
const kubeconfigPath = join(mkdtempSync(join(tmpdir(), "uptrust-faults-")), "kubeconfig");
const lines: string[] = [];
let postgres: ScratchPostgres;
let url: string;
let db: pg.Pool;
let emulator: Emulator;
let ingest: RunningIngest | undefined;
let builtWorker: string;

async function eventually(what: string, probe: () => Promise<string[]>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = await probe().catch((err: unknown) => [`probe failed: ${String(err)}`]);
    if (last.length === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: still differs after ${timeoutMs / 1000}s:\n${last.slice(0, 15).join("\n")}\ningest said:\n${lines.slice(-15).join("\n")}`);
}

const kube = () => loadKubeTargets({ kubeconfigPath })[0].kubeConfig;
const matchesCluster = (what: string) => eventually(what, () => storedVersusCluster(db, kube()));
const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);

beforeAll(async () => {
  [builtWorker] = await buildWorkers(); // the killed workers run as production runs them
  postgres = await startScratchPostgres();
  url = postgres.url.replace(/\/postgres$/, "/uptrust");
  await rebuildDatabase(url);
  db = new pg.Pool({ connectionString: url, max: 12, connectionTimeoutMillis: 5000 });
  db.on("error", () => undefined); // idle clients lost in the restart test
  emulator = await startEmulator({ port: 0, scenario: "healthy", speed: 10, leadMinutes: 10, seed: 11, kubeconfigPath });
  ingest = startIngest({ db, targets: loadKubeTargets({ kubeconfigPath }), config, log: (m) => lines.push(m), holder: "in-test" });
  await matchesCluster("the first sync");
}, 90_000);

afterAll(async () => {
  await ingest?.stop();
  await db?.end();
  await emulator?.stop();
  postgres?.remove();
});

describe("ingest under faults", () => {
  it("after forced 410 Gone relists, the stored facts equal the cluster's, with no event twice", async () => {
    emulator.burstEvents(300);
    emulator.burstPodUpdates(200);
    emulator.forceGone();
    emulator.burstEvents(300);
    await matchesCluster("after 410 Gone");
    expect(await count(`SELECT count(*) AS n FROM k8s_events WHERE reason = 'UptrustBench'`)).toBe(600);
  });

  it("after the API server restarts mid-stream, the stored facts equal the cluster's", async () => {
    emulator.burstEvents(300);
    const restarting = emulator.restart({ downMs: 2000 });
    emulator.burstEvents(300);
    await restarting;
    emulator.burstPodUpdates(200);
    await matchesCluster("after the API server restart");
    await eventually("the cluster to be reported connected again", async () => {
      const c = (await db.query<{ status: string; last_error: string | null }>(`SELECT status, last_error FROM clusters`)).rows[0];
      return c.status === "connected" ? [] : [`status ${c.status}: ${c.last_error}`];
    }, 15_000);
    expect(await count(`SELECT count(*) AS n FROM k8s_events WHERE reason = 'UptrustBench'`)).toBe(1200);
  });

  it("rides out PostgreSQL restarting mid-stream: writes retry, nothing is lost or doubled", async () => {
    emulator.burstEvents(500);
    await postgres.restart(3000);
    emulator.burstEvents(500);
    await matchesCluster("after the PostgreSQL restart");
    expect(await count(`SELECT count(*) AS n FROM k8s_events WHERE reason = 'UptrustBench'`)).toBe(2200);
    expect(lines.some((l) => /write failed .*(terminat|ECONNREFUSED|ECONNRESET|Connection terminated|shutting down)/i.test(l))).toBe(true);
    await eventually("the cluster to be reported connected with no backlog", async () => {
      const c = (await db.query<{ status: string; last_error: string | null; ingest_lag_ms: number }>(`SELECT status, last_error, ingest_lag_ms FROM clusters`)).rows[0];
      return c.status === "connected" && c.ingest_lag_ms < 2000 ? [] : [`status ${c.status} (${c.last_error}), lag ${c.ingest_lag_ms} ms`];
    }, 15_000);
  });

  it("reports an outage that outlasts the write buffers loudly, counts what it dropped, then relists and stores it all", async () => {
    postgres.stop();
    emulator.burstEvents(5000);
    // Any stream's full buffer may be the first to raise the alarm; the events buffer fills a moment later.
    // A failed batch goes back into the buffer whole, so the count it reports may pass 2000 by part of one (batches of 1000).
    const reported = [/DATABASE WRITES FAILING/, /events: write buffer full \((2\d{3}|3000) waiting for the database\); \d+ new objects dropped/];
    try {
      await eventually("the full buffer to be reported", async () => reported.filter((re) => !lines.some((l) => re.test(l))).map(String), 30_000);
    } finally {
      postgres.start(); // whatever was missed, the tests after this one need their database back
    }
    await matchesCluster("after the outage and the relist");
    expect(await count(`SELECT count(*) AS n FROM k8s_events WHERE reason = 'UptrustBench'`)).toBe(7200);
    expect(lines.some((l) => /facts were dropped while the database was unavailable; relisting/.test(l))).toBe(true);
    await eventually("the dropped facts to be counted on the cluster", async () => (Number((await db.query(`SELECT dropped_rows FROM clusters`)).rows[0].dropped_rows) > 0 ? [] : ["0 dropped"]), 15_000);
  });

  it("stores odd but valid objects (huge annotations, an owner kind it does not know, NUL and 200 KiB in a message) cleaned, and keeps going", async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${emulator.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.status);
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: "canary-7f9c-x2",
        namespace: "shop",
        annotations: { "example.com/dump": "z".repeat(200 * 1024) },
        ownerReferences: [{ apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", name: "canary", uid: "5d1e6f3a-0000-4000-8000-000000000001", controller: true }],
      },
      spec: { containers: [{ name: "app", image: "registry.example.com/canary:1" }] },
    };
    const event = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "canary.17f1", namespace: "shop" },
      involvedObject: { kind: "Pod", name: "canary-7f9c-x2", namespace: "shop" },
      reason: "Dumped",
      message: `core dumped \u0000 ${"m".repeat(200 * 1024)}`,
      type: "Warning",
      count: 1,
      firstTimestamp: emulator.scenarioNow().toISOString(),
      lastTimestamp: emulator.scenarioNow().toISOString(),
    };
    expect(await post("/api/v1/namespaces/shop/pods", pod)).toBe(201);
    expect(await post("/api/v1/namespaces/shop/events", event)).toBe(201);
    await matchesCluster("after odd objects");
    const stored = await db.query<{ workload_name: string | null }>(`SELECT workload_name FROM pods WHERE name = 'canary-7f9c-x2'`);
    expect(stored.rows).toEqual([{ workload_name: null }]);
    const msg = (await db.query<{ message: string }>(`SELECT message FROM k8s_events WHERE reason = 'Dumped'`)).rows[0].message;
    expect(msg.startsWith("core dumped \uFFFD mmm")).toBe(true);
    expect(msg.endsWith("…[truncated by Uptrust]")).toBe(true);
    expect(msg.length).toBeLessThan(8 * 1024 + 100);
  });

  it("when a worker is killed mid-batch, the standby takes its cluster over within 30 s and the facts still match", async () => {
    await ingest?.stop();
    ingest = undefined;
    expect(await count(`SELECT count(*) AS n FROM ingest_leases`)).toBe(0); // a clean stop hands the cluster over at once

    const first = worker("first");
    await eventually("the first worker to hold the lease", async () => ((await holder())?.startsWith("first") ? [] : ["not yet"]));
    const second = worker("second");
    await new Promise((r) => setTimeout(r, 1000));
    emulator.burstEvents(6000);
    const burstStored = async () => (await count(`SELECT count(*) AS n FROM k8s_events WHERE reason = 'UptrustBench'`)) - 7200;
    // Killed as soon as its first batch of the burst has landed, with the rest still being written.
    while ((await burstStored()) === 0) await new Promise((r) => setTimeout(r, 10));
    first.proc.kill("SIGKILL");
    const killedAt = Date.now();
    expect(await burstStored()).toBeLessThan(6000);
    await eventually("the second worker to take over", async () => ((await holder())?.startsWith("second") ? [] : [`lease held by ${await holder()}`]), 30_000);
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThan(30_000);

    emulator.burstPodUpdates(200);
    await matchesCluster("after the takeover");
    expect(await count(`SELECT count(*) AS n FROM k8s_events WHERE reason = 'UptrustBench'`)).toBe(13200);

    second.proc.kill("SIGTERM");
    const code = await new Promise<number | null>((r) => second.proc.once("exit", r));
    expect(code).toBe(0);
    const { rows } = await db.query<{ status: string }>(`SELECT status FROM clusters`);
    expect(rows[0].status).toBe("stopped");
    expect(await count(`SELECT count(*) AS n FROM ingest_leases`)).toBe(0);
  }, 120_000);
});

async function holder(): Promise<string | undefined> {
  return (await db.query<{ holder: string }>(`SELECT holder FROM ingest_leases`)).rows[0]?.holder;
}

function worker(name: string): { proc: ChildProcess } {
  const proc = spawn(process.execPath, [...INGEST_NODE_FLAGS, builtWorker], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      KUBECONFIG: kubeconfigPath,
      UPTRUST_INGEST_LEASE_SECONDS: String(config.leaseSeconds),
      UPTRUST_METRICS_POLL_MS: "1000",
      UPTRUST_INGEST_HOLDER: name,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (d: Buffer) => lines.push(...d.toString().trim().split("\n").map((l) => `${name}: ${l}`));
  proc.stdout?.on("data", collect);
  proc.stderr?.on("data", collect);
  return { proc };
}
