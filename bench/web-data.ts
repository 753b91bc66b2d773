// The database bench:web serves: the analysis bench's 10,000-pod, 30-day cluster (bench/analyze-seed.ts)
// after one full analysis cycle, so the cockpit has SLOs, incidents, recommendations, guardrail
// findings and capacity forecasts at that scale, written by the analyzers production runs.
// BENCH_KEEP_SEED=1 keeps the analysed database as <name>_cold and later runs start from a copy of it
// (bench:analyze with the same BENCH_DATABASE_URL and BENCH_KEEP_SEED=1 leaves the same copy).
import pg from "pg";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { migrate } from "@/lib/db/migrate.ts";
import { closePools } from "@/lib/db/pool.ts";
import { rebuildDatabase } from "@/lib/db/rebuild-database.ts";
import { forecastCapacity } from "@/workers/analyze/forecast-capacity.ts";
import { runAnalysisCycle } from "@/workers/analyze/run-analysis-cycle.ts";
import { seedCluster } from "./analyze-seed.ts";

export type BenchData = { now: Date; clusterId: string; origin: string };

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function withDatabase(url: string, name: string): string {
  return Object.assign(new URL(url), { pathname: `/${name}` }).toString();
}

async function onServer<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

async function keptCold(url: string, coldName: string, size: { deployments: number; days: number }): Promise<{ now: Date; clusterId: string } | null> {
  const admin = withDatabase(url, "postgres");
  if ((await onServer(admin, `SELECT 1 FROM pg_database WHERE datname = $1`, [coldName])).length === 0) return null;
  const rows = await onServer<{ now: Date; cluster_id: string }>(
    withDatabase(url, coldName),
    `SELECT now, cluster_id FROM bench_seed WHERE deployments = $1 AND days = $2`,
    [size.deployments, size.days],
  ).catch(() => []);
  return rows[0] ? { now: rows[0].now, clusterId: rows[0].cluster_id } : null;
}

async function copyDatabase(url: string, from: string, to: string): Promise<void> {
  const admin = withDatabase(url, "postgres");
  await onServer(admin, `DROP DATABASE IF EXISTS "${to}" WITH (FORCE)`);
  await onServer(admin, `CREATE DATABASE "${to}" TEMPLATE "${from}" STRATEGY FILE_COPY`);
}

// Seeds and analyses afresh, or copies the kept analysed database; DATABASE_URL must name `url`.
export async function prepareBenchData(url: string, size: { deployments: number; days: number }, keep: boolean): Promise<BenchData> {
  const dbName = new URL(url).pathname.slice(1);
  const coldName = `${dbName}_cold`;
  const kept = keep ? await keptCold(url, coldName, size) : null;
  if (kept) {
    const t = performance.now();
    await copyDatabase(url, coldName, dbName);
    const { applied } = await migrate(url);
    if (applied.length) await onServer(url, `ANALYZE`);
    const extra = applied.length ? `; applied ${applied.join(", ")}` : "";
    return { ...kept, origin: `copy of ${coldName} (seeded and analysed earlier) in ${s(performance.now() - t)}${extra}` };
  }
  await rebuildDatabase(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const t = performance.now();
  let now: Date;
  let clusterId: string;
  try {
    await db.query(`SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'`);
    ({ rows: [{ now }] } = await db.query<{ now: Date }>(`SELECT date_trunc('minute', now()) AS now`));
    console.log(`seeding ${size.deployments.toLocaleString("en-US")} Deployments × 10 pods, ${size.days} days up to ${now.toISOString()}`);
    clusterId = await seedCluster(db, size, now, (what, ms) => console.log(`  ${what.padEnd(55)} ${s(ms)}`));
    await db.query(`VACUUM (ANALYZE)`);
    const outcomes = await runAnalysisCycle();
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length) throw new Error(`the analysis cycle failed: ${failed.map((o) => `${o.job}: ${o.error}`).join("; ")}`);
    // A first cycle reads two weeks of node history a second at a time and forecasts in later cycles; the
    // cockpit measured here is the one those cycles leave, so the history is read to the end now.
    await catchUpCapacity(db, clusterId, now);
    await db.query(`VACUUM (ANALYZE)`);
    if (keep) await db.query(`CREATE TABLE bench_seed AS SELECT $1::int AS deployments, $2::int AS days, $3::timestamptz AS now, $4::uuid AS cluster_id`, [size.deployments, size.days, now, clusterId]);
  } finally {
    await db.end();
    await Promise.all([disconnectPrisma(), closePools()]);
  }
  if (keep) await copyDatabase(url, dbName, coldName);
  return { now, clusterId, origin: `seeded and analysed in ${s(performance.now() - t)}${keep ? `, kept as ${coldName}` : ""}` };
}

export async function catchUpCapacity(db: pg.Client, clusterId: string, now: Date): Promise<void> {
  const { rows: [cluster] } = await db.query<{ id: string; name: string }>(`SELECT id, name FROM clusters WHERE id = $1`, [clusterId]);
  await forecastCapacity(cluster, now, { force: true, budgetMs: Infinity });
}

/** The database as an earlier run (or anything else) left it: its newest cluster clock, nothing rebuilt. */
export async function databaseAsItIs(url: string): Promise<BenchData> {
  const [row] = await onServer<{ now: Date; id: string }>(url, `SELECT last_event_at AS now, id FROM clusters ORDER BY last_event_at DESC NULLS LAST LIMIT 1`);
  if (!row) throw new Error(`${url} holds no cluster: run without BENCH_REUSE_DATABASE to seed it`);
  return { now: row.now, clusterId: row.id, origin: "measured as it is (BENCH_REUSE_DATABASE=1)" };
}
