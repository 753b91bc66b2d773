// The ingest worker, unchanged, against a 10,000-pod emulated cluster: how long the first full sync
// takes to reach PostgreSQL, how that compares with writing the same number of rows in one bulk
// statement (the database's own pace, measured in the same run), and what the worker costs while it
// keeps watching. The worker runs in a process of its own, so the CPU and memory figures are its own.
// Run: npm run bench:ingest   (or: npx tsx bench/ingest-scale.ts [pods])
// Database: BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/uptrust_bench (rebuilt).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { rebuildDatabase } from "@/lib/db/rebuild-database.ts";
import { buildWorkers, INGEST_NODE_FLAGS } from "@/scripts/build-workers.ts";
import { startEmulator } from "@/workers/emulator/index.ts";
import { fleetOfPods } from "@/workers/emulator/scenarios/scale.ts";

const PODS = Number(process.argv[2] ?? 10_000);
const URL_ = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/uptrust_bench";
const WATCH_SECONDS = 30;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The database's own pace for rows shaped like pods: one INSERT … SELECT FROM unnest of them all.
async function bulkBaseline(db: pg.Pool, n: number) {
  const names = Array.from({ length: n }, (_, i) => `pod-${i}`);
  const client = await db.connect();
  try {
    await client.query(`CREATE TEMP TABLE bench_pods (LIKE pods INCLUDING DEFAULTS)`);
    const t = performance.now();
    await client.query(
      `INSERT INTO bench_pods (cluster_id, namespace, name, uid, phase, node_name, ready)
       SELECT gen_random_uuid(), 'ns', n, n, 'Running', 'node-1', true FROM unnest($1::text[]) AS t(n)`,
      [names],
    );
    return (performance.now() - t) / 1000;
  } finally {
    client.release();
  }
}

// The worker exactly as `npm run worker:ingest` runs it (built), in its own process so its CPU and memory are its own.
const [builtWorker] = await buildWorkers();
function startWorker(kubeconfig: string) {
  // BENCH_WORKER_HEAP_MB caps the worker's V8 heap, to see what it needs rather than what it takes.
  const heap = process.env.BENCH_WORKER_HEAP_MB ? [`--max-old-space-size=${Number(process.env.BENCH_WORKER_HEAP_MB)}`] : [];
  const child = spawn(process.execPath, [...INGEST_NODE_FLAGS, ...heap, builtWorker], {
    env: { ...process.env, DATABASE_URL: URL_, KUBECONFIG: kubeconfig, UPTRUST_METRICS_POLL_MS: "30000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  child.stdout.on("data", (d: Buffer) => lines.push(d.toString()));
  child.stderr.on("data", (d: Buffer) => lines.push(d.toString()));
  // /proc/<pid>/stat fields 14 and 15: user and system CPU in clock ticks (100 a second on Linux).
  const cpuSeconds = () => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024;
  return { lines, cpuSeconds, rssMb, stop: () => child.kill("SIGTERM") };
}

const count = async (db: pg.Pool, sql: string) => Number((await db.query(sql)).rows[0].n);

await rebuildDatabase(URL_);
const db = new pg.Pool({ connectionString: URL_, max: 8 });
const baselineS = await bulkBaseline(db, PODS);

const dataDir = mkdtempSync(join(tmpdir(), "uptrust-bench-ingest-"));
const t0 = performance.now();
// Real time from one minute after the fleet booted: a cluster that is simply running.
const emu = await startEmulator({ scenario: "scale", size: fleetOfPods(PODS), leadMinutes: 1, speed: 1, seed: 1, kubeconfigPath: join(dataDir, "kubeconfig") });
const emulatorStartS = (performance.now() - t0) / 1000;
const eventsInCluster = ((await (await fetch(`${emu.url}/api/v1/events`)).json()) as { items: unknown[] }).items.length;

const began = performance.now();
const worker = startWorker(join(dataDir, "kubeconfig"));
const waitFor = async (what: string, sql: string, target: number) => {
  for (;;) {
    const n = await count(db, sql);
    if (n >= target) return (performance.now() - began) / 1000;
    if (performance.now() - began > 300_000) throw new Error(`${what}: only ${n} of ${target} after 5 minutes; the worker said:\n${worker.lines.slice(-20).join("")}`);
    await sleep(100);
  }
};
const podsS = await waitFor("pods", `SELECT count(*) AS n FROM pods WHERE deleted_at IS NULL`, PODS);
const eventsS = await waitFor("events", `SELECT count(*) AS n FROM k8s_events`, eventsInCluster);
const syncCpuS = worker.cpuSeconds();

// Steady state: the fleet is running, the worker keeps its watches open.
await sleep(WATCH_SECONDS * 1000);
const idleCpuPct = ((worker.cpuSeconds() - syncCpuS) / WATCH_SECONDS) * 100;
const rssMb = worker.rssMb();

// Watch-to-row latency: new events at EVENT_RATE a second, in ticks of 10 ms, while the database is
// polled for how many have landed. Rows arrive in the order they were emitted (one watch, FIFO
// batches), so the k-th row's latency is when the count passed k minus when event k was emitted.
const EVENT_RATE = 2_000;
const LOAD_SECONDS = 10;
const emitted: number[] = [];
const landed: { at: number; count: number }[] = [];
const stored = () => count(db, `SELECT count(*) AS n FROM k8s_events WHERE reason = 'UptrustBench'`);
const loadStart = performance.now();
const ticker = setInterval(() => {
  const due = Math.min(EVENT_RATE * LOAD_SECONDS, Math.floor(((performance.now() - loadStart) / 1000) * EVENT_RATE)) - emitted.length;
  if (due <= 0) return;
  emu.burstEvents(due);
  const now = performance.now();
  for (let i = 0; i < due; i++) emitted.push(now);
}, 10);
for (let n = 0; n < EVENT_RATE * LOAD_SECONDS && performance.now() - loadStart < (LOAD_SECONDS + 30) * 1000; ) {
  n = await stored();
  landed.push({ at: performance.now(), count: n });
  await sleep(20);
}
clearInterval(ticker);
const latencies: number[] = [];
for (let k = 0, j = 0; k < Math.min(emitted.length, landed.at(-1)!.count); k++) {
  while (landed[j].count <= k) j++;
  latencies.push(landed[j].at - emitted[k]);
}
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] / 1000;
const lost = emitted.length - (landed.at(-1)?.count ?? 0);

worker.stop();
await emu.stop();
await db.end();

console.log(`\nUptrust ingest worker (its own process) against an emulated cluster of ${PODS} pods (emulator up in ${emulatorStartS.toFixed(1)} s)\n`);
console.log(`first full sync   all ${PODS} pods in PostgreSQL after ${podsS.toFixed(1)} s (${(PODS / podsS).toFixed(0)} pods/s); all ${eventsInCluster} events after ${eventsS.toFixed(1)} s; worker CPU ${syncCpuS.toFixed(1)} s`);
console.log(`baseline          ${baselineS.toFixed(2)} s for ${PODS} pod-shaped rows in one bulk INSERT … unnest (${(PODS / baselineS).toFixed(0)} rows/s); pod sync / baseline ${(podsS / baselineS).toFixed(0)}x`);
console.log(`steady watching   ${WATCH_SECONDS} s: worker CPU ${idleCpuPct.toFixed(1)} % of one core, RSS ${rssMb.toFixed(0)} MB`);
console.log(`watch to row      ${emitted.length} events at ${EVENT_RATE}/s: p50 ${pct(50).toFixed(2)} s, p99 ${pct(99).toFixed(2)} s (target p99 < 2 s)${lost ? `; ${lost} not stored within 30 s` : ""}`);
console.log(`targets           RSS < 256 MiB: ${rssMb < 256 ? "ok" : "MISS"}; first sync < 30 s: ${podsS < 30 ? "ok" : "MISS"}; watch-to-row p99 < 2 s: ${pct(99) < 2 ? "ok" : "MISS"}`);
process.exit(0);
