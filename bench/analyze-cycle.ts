// The analyze worker's cycle over a 10,000-pod cluster's 30 days of facts (bench/analyze-seed.ts says
// what is seeded): the first (cold) cycle, which reads every fact of the window and writes every derived
// row, then steady-state cycles, each after the cluster clock moved on a minute and a minute of new facts
// landed (what runs every 15 s), then a cycle 7 minutes after the last, which catches up on the
// right-sizing slices of the minutes in between and refreshes capacity. The 10 s target is for the
// steady-state cycle. The cockpit's read is timed on the
// result, with the tables it touched. Baseline, measured in the same run so the figures read as ratios
// on any machine: a plain sequential scan of the largest fact table (log_lines).
// Run: npm run bench:analyze   (or: npx tsx bench/analyze-cycle.ts [deployments] [days])
// Database: BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/uptrust_bench (rebuilt).
// BENCH_KEEP_SEED=1 keeps a copy of the seeded facts (database <name>_seed) and later runs of the same
// size start from it (migrations newer than the copy are applied), so a change is measured in minutes
// rather than after a quarter of an hour of seeding. Delete the copy to seed afresh. It also keeps the
// database as the cold cycle left it (<name>_cold): with BENCH_FROM_COLD=1 a run starts from there and
// measures the steady cycles only (for iterating on them; the figures of record come from a full run).
import pg from "pg";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools } from "@/lib/db/pool.ts";
import { getCockpit } from "@/lib/db/queries/get-cockpit.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import { migrate } from "@/lib/db/migrate.ts";
import { rebuildDatabase } from "@/lib/db/rebuild-database.ts";
import { runAnalysisCycle } from "@/workers/analyze/run-analysis-cycle.ts";
import type { JobOutcome } from "@/workers/analyze/types.ts";
import { addMinute, seedCluster, workloadTable } from "./analyze-seed.ts";

const DEPLOYMENTS = Number(process.argv[2] ?? 1_000);
const DAYS = Number(process.argv[3] ?? 30);
const URL_ = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/uptrust_bench";
const TARGET_MS = 10_000;
const MIN = 60_000;
process.env.DATABASE_URL = URL_; // the analyzers and the cockpit read it through lib/db

const FACTS = ["nodes", "workloads", "pods", "containers", "workload_status", "changes", "kube_objects", "config_objects", "k8s_events", "log_lines", "usage_samples", "usage_rollups_5m", "node_usage"];
const DERIVED = ["request_minutes", "slos", "sli_samples", "slo_status", "incidents", "timeline_entries", "mttr_weeks", "recommendations", "guardrail_findings", "capacity_points"];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const n = (x: number) => x.toLocaleString("en-US");

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const result = await run();
  return [result, performance.now() - t];
}

async function counts(db: pg.ClientBase, tables: string[]): Promise<string> {
  const { rows } = await db.query<Record<string, string>>(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}`);
  return tables.map((t) => `${t} ${n(Number(rows[0][t]))}`).join(", ");
}

// Per-table scans from the statistics collector; backends flush their counts within a second of idling.
async function scans(db: pg.ClientBase): Promise<Map<string, number>> {
  await new Promise((r) => setTimeout(r, 1_500));
  const { rows } = await db.query<{ relname: string; n: string }>(`SELECT relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS n FROM pg_stat_user_tables`);
  return new Map(rows.map((r) => [r.relname, Number(r.n)]));
}

async function cycle(label: string): Promise<{ label: string; outcomes: JobOutcome[]; ms: number }> {
  const [outcomes, ms] = await timed(() => runAnalysisCycle());
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length) console.log(`  ${label}: FAILED ${failed.map((o) => `${o.job}: ${o.error}`).join("; ")}`);
  console.log(`cycle ${label}: ${s(ms)} (${outcomes.map((o) => `${o.job} ${o.ms}`).join(", ")})`);
  return { label, outcomes, ms };
}

const KEEP_SEED = process.env.BENCH_KEEP_SEED === "1";
const FROM_COLD = KEEP_SEED && process.env.BENCH_FROM_COLD === "1";
const dbName = new URL(URL_).pathname.slice(1);
const seedName = `${dbName}_seed`;
const coldName = `${dbName}_cold`;
const adminUrl = Object.assign(new URL(URL_), { pathname: "/postgres" }).toString();

// Runs a statement on the server's maintenance database (CREATE/DROP DATABASE cannot run inside the
// database they copy).
async function admin<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

// A kept copy of this size, if any: the clock it was seeded at and its cluster.
async function keptCopy(name: string): Promise<{ name: string; now: Date; clusterId: string } | null> {
  if (!KEEP_SEED || (await admin(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).length === 0) return null;
  const c = new pg.Client({ connectionString: Object.assign(new URL(URL_), { pathname: `/${name}` }).toString() });
  await c.connect();
  try {
    const { rows } = await c.query<{ now: Date; cluster_id: string }>(`SELECT now, cluster_id FROM bench_seed WHERE deployments = $1 AND days = $2`, [DEPLOYMENTS, DAYS]).catch(() => ({ rows: [] }));
    return rows[0] ? { name, now: rows[0].now, clusterId: rows[0].cluster_id } : null;
  } finally {
    await c.end();
  }
}

const copyDatabase = async (from: string, to: string) => {
  await admin(`DROP DATABASE IF EXISTS "${to}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${to}" TEMPLATE "${from}" STRATEGY FILE_COPY`);
};

let db = new pg.Client({ connectionString: URL_ });
let seededBy: pg.Client | null = null;
const keptCold = FROM_COLD ? await keptCopy(coldName) : null;
const kept = keptCold ?? (await keptCopy(seedName));
let now: Date;
let clusterId: string;
if (kept) {
  const [, copyMs] = await timed(() => copyDatabase(kept.name, dbName));
  const { applied } = await migrate(URL_);
  ({ now, clusterId } = kept);
  console.log(`\nStarting from the kept ${keptCold ? "database after a cold cycle" : "seed"} ${kept.name} (${n(DEPLOYMENTS)} Deployments × 10 pods, ${DAYS} days up to ${now.toISOString()}), copied in ${s(copyMs)}${applied.length ? `; applied ${applied.join(", ")}` : ""}`);
  await db.connect();
  if (applied.length) await db.query(`ANALYZE`);
} else {
  await rebuildDatabase(URL_);
  await db.connect();
  await db.query(`SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'`);
  ({ rows: [{ now }] } = await db.query<{ now: Date }>(`SELECT date_trunc('minute', now()) AS now`));
  console.log(`\nSeeding ${n(DEPLOYMENTS)} Deployments × 10 pods, ${DAYS} days up to ${now.toISOString()} (cluster time = wall clock, so the migrations' partitions fit)`);
  let seedMs: number;
  [clusterId, seedMs] = await timed(() => seedCluster(db, { deployments: DEPLOYMENTS, days: DAYS }, now, (what, ms) => console.log(`  ${what.padEnd(55)} ${s(ms)}`)));
  seededBy = db;
  const [, vacuumMs] = await timed(() => db.query(`VACUUM (ANALYZE)`));
  console.log(`  seeded in ${s(seedMs)}, VACUUM ANALYZE ${s(vacuumMs)}`);
  if (KEEP_SEED) {
    await db.query(`CREATE TABLE bench_seed AS SELECT $1::int AS deployments, $2::int AS days, $3::timestamptz AS now, $4::uuid AS cluster_id`, [DEPLOYMENTS, DAYS, now, clusterId]);
    await db.end();
    const [, copyMs] = await timed(() => copyDatabase(dbName, seedName));
    console.log(`  kept a copy of the seed as ${seedName} (${s(copyMs)})`);
    db = new pg.Client({ connectionString: URL_ });
    await db.connect();
  }
}
await db.query(`SET synchronous_commit = off; SET work_mem = '256MB'`);
console.log(`facts:   ${await counts(db, FACTS)}`);

// Baseline: every row of log_lines read once, no index, twice; the second (warm) is the figure.
await db.query(`SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = off`);
let baselineMs = 0;
let baselineRows = 0;
for (let i = 0; i < 2; i++) {
  const [r, ms] = await timed(() => db.query<{ n: string }>(`SELECT count(*) AS n FROM log_lines WHERE message <> ''`));
  [baselineRows, baselineMs] = [Number(r.rows[0].n), ms];
}
await db.query(`RESET enable_indexscan; RESET enable_indexonlyscan; RESET enable_bitmapscan`);
const { rows: [{ size }] } = await db.query<{ size: string }>(`SELECT pg_size_pretty(sum(pg_relation_size(inhrelid))) AS size FROM pg_inherits WHERE inhparent = 'log_lines'::regclass`);
console.log(`baseline: sequential scan of log_lines, ${n(baselineRows)} rows (${size}): ${s(baselineMs)} (${n(Math.round(baselineRows / (baselineMs / 1000)))} rows/s)`);

let coldRun: Awaited<ReturnType<typeof cycle>> | null = null;
if (keptCold) console.log(`cycle cold: not run (started from ${coldName}, which an earlier run's cold cycle left)`);
else {
  coldRun = await cycle("cold");
  console.log(`derived: ${await counts(db, DERIVED)}`);
  if (KEEP_SEED) {
    await Promise.all([db.end(), disconnectPrisma(), closePools()]);
    const [, copyMs] = await timed(() => copyDatabase(dbName, coldName));
    console.log(`  kept a copy of the database after the cold cycle as ${coldName} (${s(copyMs)})`);
    db = new pg.Client({ connectionString: URL_ });
    await db.connect();
  }
}

// The seed's temporary tables, which adding a minute reads, live as long as the connection that made them.
if (db !== seededBy) await db.query(workloadTable(DEPLOYMENTS, now));

const cockpit = async () => {
  const before = await scans(db);
  const [view, ms] = await timed(() => getCockpit(EVERYTHING));
  const after = await scans(db);
  const touched = [...after].filter(([t, x]) => x > (before.get(t) ?? 0)).map(([t]) => t).sort();
  return { ms, view, touched };
};
await cockpit(); // the first read also starts the Prisma client
const cold = await cockpit();

const steadyRuns = [];
for (let k = 1; k <= 3; k++) {
  await addMinute(db, clusterId, now, new Date(now.getTime() + k * MIN));
  steadyRuns.push(await cycle(`+${k} min`));
}
for (let k = 4; k <= 10; k++) await addMinute(db, clusterId, now, new Date(now.getTime() + k * MIN));
const refreshRun = await cycle("+10 min");
const steady = await cockpit();

const runs = [...(coldRun ? [coldRun] : []), ...steadyRuns, refreshRun];
const jobs = runs[0].outcomes.map((o) => o.job);
console.log(`\nanalysis cycle, ms per job (cluster clock: cold at the seed's now, then +1, +2, +3 and +10 minutes with new facts)`);
console.log(`  ${"job".padEnd(20)}${runs.map((r) => r.label.padStart(10)).join("")}`);
for (const job of jobs) console.log(`  ${job.padEnd(20)}${runs.map((r) => String(r.outcomes.find((o) => o.job === job)?.ms ?? "-").padStart(10)).join("")}`);
console.log(`  ${"total".padEnd(20)}${runs.map((r) => String(Math.round(r.ms)).padStart(10)).join("")}`);
for (const r of [coldRun, steadyRuns[2], refreshRun]) if (r) console.log(`  ${r.label.padEnd(8)} ${r.outcomes.map((o) => `${o.job}: ${o.detail ?? o.error}`).join(" | ")}`);

const steadyMs = Math.max(...steadyRuns.map((r) => r.ms));
const ratio = (ms: number) => `${(ms / baselineMs).toFixed(1)}x the baseline`;
const facts = cold.touched.filter((t) => FACTS.includes(t) && t !== "workloads");
console.log(`\ncold cycle             ${coldRun ? `${s(coldRun.ms)} (${ratio(coldRun.ms)})` : "not run (BENCH_FROM_COLD)"}`);
console.log(`steady-state cycle     ${s(steadyMs)}, the slowest of the three 1-minute cycles (${ratio(steadyMs)}); target ≤ ${s(TARGET_MS)}: ${steadyMs <= TARGET_MS ? "met" : "MISSED"}`);
console.log(`cycle 7 cluster-minutes after the last (it catches up on their right-sizing slices and refreshes capacity)  ${s(refreshRun.ms)} (${ratio(refreshRun.ms)})`);
console.log(`getCockpit()           ${s(cold.ms)} after the cold cycle, ${s(steady.ms)} after the steady ones (${ratio(steady.ms)}): ${cold.view.slos.length} SLO cards, ${cold.view.incidents.length} incidents, ${cold.view.recommendations.length} recommendations`);
console.log(`cockpit read           ${cold.touched.join(", ")}; fact tables among them (workloads only for names): ${facts.length ? facts.join(", ") : "none"}`);
console.log(`baseline               ${s(baselineMs)}: sequential scan of ${n(baselineRows)} log lines`);

await db.end();
await disconnectPrisma();
await closePools();
