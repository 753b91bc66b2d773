// What a database outage costs the ingest worker in memory: a 10,000-pod cluster, PostgreSQL stopped,
// then more new events than one write buffer holds (UPTRUST_INGEST_BUFFER_ROWS, 25,000 by default).
// Prints the worker's RSS with its buffers full (the bound: it must not grow past it, nor crash under
// its heap cap), and how long after PostgreSQL returns every event the cluster still has is stored.
// PostgreSQL is a server of the benchmark's own (lib/db/testing/scratch-postgres.ts), so it can stop.
// Run: npm run bench:outage   (or: npx tsx bench/ingest-outage.ts [pods] [events])
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { rebuildDatabase } from "@/lib/db/rebuild-database.ts";
import { startScratchPostgres } from "@/lib/db/testing/scratch-postgres.ts";
import { buildWorkers, INGEST_NODE_FLAGS } from "@/scripts/build-workers.ts";
import { startEmulator } from "@/workers/emulator/index.ts";
import { fleetOfPods } from "@/workers/emulator/scenarios/scale.ts";

const PODS = Number(process.argv[2] ?? 10_000);
const BURST = Number(process.argv[3] ?? 80_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const postgres = await startScratchPostgres();
const url = postgres.url.replace(/\/postgres$/, "/uptrust");
await rebuildDatabase(url);
const db = new pg.Pool({ connectionString: url, max: 4 });
db.on("error", () => undefined);
const dir = mkdtempSync(join(tmpdir(), "uptrust-bench-outage-"));
// Speed 1 with an hour of lead: the burst's events stay live in the cluster (1 h TTL) for the relist.
const emu = await startEmulator({ scenario: "scale", size: fleetOfPods(PODS), leadMinutes: 1, speed: 1, seed: 1, kubeconfigPath: join(dir, "kubeconfig") });
const [built] = await buildWorkers();
const child = spawn(process.execPath, [...INGEST_NODE_FLAGS, built], { env: { ...process.env, DATABASE_URL: url, KUBECONFIG: join(dir, "kubeconfig") }, stdio: ["ignore", "pipe", "pipe"] });
const lines: string[] = [];
child.stdout.on("data", (d: Buffer) => lines.push(d.toString()));
child.stderr.on("data", (d: Buffer) => lines.push(d.toString()));
let exited: number | null | undefined;
child.on("exit", (code) => (exited = code));
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024;
const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);

async function until(what: string, ok: () => Promise<boolean>, timeoutMs: number) {
  const t = performance.now();
  while (!(await ok().catch(() => false))) {
    if (exited !== undefined) throw new Error(`the worker exited (${exited}) waiting for ${what}:\n${lines.slice(-15).join("")}`);
    if (performance.now() - t > timeoutMs) throw new Error(`timed out waiting for ${what}:\n${lines.slice(-15).join("")}`);
    await sleep(200);
  }
  return (performance.now() - t) / 1000;
}

const events = ((await (await fetch(`${emu.url}/api/v1/events`)).json()) as { items: unknown[] }).items.length;
await until("the first sync", async () => (await count(`SELECT count(*) AS n FROM k8s_events`)) >= events, 120_000);
await sleep(5000);
const rssBefore = rssMb();

postgres.stop();
for (let sent = 0; sent < BURST; sent += 5000) {
  emu.burstEvents(Math.min(5000, BURST - sent));
  await sleep(100);
}
await until("the buffers to fill", async () => lines.join("").includes("DATABASE WRITES FAILING"), 120_000);
let rssFull = 0;
for (let i = 0; i < 10; i++) {
  rssFull = Math.max(rssFull, rssMb());
  await sleep(1000);
}

postgres.start();
const recoverS = await until("every burst event stored", async () => (await count(`SELECT count(*) AS n FROM k8s_events WHERE reason = 'UptrustBench'`)) >= BURST, 300_000);
const dropped = Number((await db.query(`SELECT sum(dropped_rows) AS n FROM clusters`)).rows[0].n);

child.kill("SIGTERM");
await emu.stop();
await db.end();
postgres.remove();

console.log(`\nUptrust ingest worker (${INGEST_NODE_FLAGS.join(" ")}) on ${PODS} pods, PostgreSQL stopped, ${BURST} new events\n`);
console.log(`RSS               ${rssBefore.toFixed(0)} MB watching; ${rssFull.toFixed(0)} MB with its write buffers full (target < 256 MiB: ${rssFull < 256 ? "ok" : "MISS"})`);
console.log(`recovery          all ${BURST} events stored ${recoverS.toFixed(1)} s after PostgreSQL returned; ${dropped} dropped from full buffers meanwhile, recovered by the relist`);
process.exit(0);
