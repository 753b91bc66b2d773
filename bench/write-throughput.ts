// How fast the ingest's own write path stores events and log lines, against the fastest way PostgreSQL
// can take the same rows into the same table: COPY FROM STDIN, measured in the same run on the same
// (freshly truncated) table. The ingest path is the code the worker runs, in the batch sizes it uses
// (1,000 events, 5,000 log lines), one batch at a time per stream as in the worker.
// Run: npm run bench:write   (or: npx tsx bench/write-throughput.ts [events] [log lines])
// Database: BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/uptrust_bench (rebuilt).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { upsertEvents } from "@/lib/db/ingest/insert-events.ts";
import { insertLogLines, type LogLineRow } from "@/lib/db/ingest/insert-log-lines.ts";
import { upsertCluster } from "@/lib/db/ingest/upsert-cluster.ts";
import { rebuildDatabase } from "@/lib/db/rebuild-database.ts";
import type { EventRow } from "@/lib/k8s/map-event.ts";

const EVENTS = Number(process.argv[2] ?? 200_000);
const LINES = Number(process.argv[3] ?? 500_000);
const URL_ = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/uptrust_bench";
const TARGET = 0.6;

const base = Date.parse("2026-11-30T12:00:00Z");
const events: EventRow[] = Array.from({ length: EVENTS }, (_, i) => ({
  uid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  namespace: `ns-${i % 50}`,
  involvedKind: "Pod",
  involvedName: `app-${i % 500}-7d9f8c6b5-${(i % 97).toString(36)}x`,
  reason: i % 3 ? "BackOff" : "Unhealthy",
  message: `Back-off restarting failed container app in pod app-${i % 500} (attempt ${i})`,
  type: "Warning",
  source: "kubelet",
  count: 1 + (i % 7),
  firstSeen: new Date(base + i * 10),
  lastSeen: new Date(base + i * 10 + 5000),
}));
const lines: LogLineRow[] = Array.from({ length: LINES }, (_, i) => ({
  namespace: `ns-${i % 50}`,
  pod: `app-${i % 500}-7d9f8c6b5-x`,
  container: "app",
  ts: new Date(base + Math.floor(i / 4)),
  seq: i % 4,
  level: i % 10 ? "info" : "error",
  message: `{"level":"info","msg":"order placed","order":${i},"latency_ms":${i % 300},"path":"/api/checkout"}`,
}));

// COPY text format: tab-separated, \N for NULL, backslash escapes.
const esc = (v: unknown) => (v === null || v === undefined ? "\\N" : String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n"));
const tsv = (cells: unknown[]) => `${cells.map(esc).join("\t")}\n`;

async function copy(db: pg.Pool, sql: string, rows: Iterable<string>): Promise<number> {
  const client = await db.connect();
  try {
    const t = performance.now();
    await pipeline(Readable.from(rows), client.query(copyFrom(sql)));
    return (performance.now() - t) / 1000;
  } finally {
    client.release();
  }
}

async function timed(run: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await run();
  return (performance.now() - t) / 1000;
}

function* eventTsv(clusterId: string) {
  for (const e of events) {
    yield tsv([clusterId, e.uid, e.namespace, e.involvedKind, e.involvedName, e.reason, e.message, e.type, e.source, e.count, e.firstSeen.toISOString(), e.lastSeen.toISOString()]);
  }
}
function* lineTsv(clusterId: string) {
  for (const l of lines) yield tsv([clusterId, l.namespace, l.pod, l.container, l.ts.toISOString(), l.seq, l.level, l.message]);
}

async function main() {
  await rebuildDatabase(URL_);
  const db = new pg.Pool({ connectionString: URL_, max: 4 });
  await db.query(`SELECT uptrust_ensure_month_partitions('2026-11-01', 2)`);
  const clusterId = await upsertCluster(db, "bench", "http://bench");
  const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString("en-US")} rows/s`;
  const report = (what: string, n: number, copyS: number, ingestS: number) => {
    const ratio = copyS / ingestS;
    console.log(`${what}: ${n.toLocaleString("en-US")} rows`);
    console.log(`  raw COPY            ${copyS.toFixed(2)} s  ${rate(n, copyS)}`);
    console.log(`  ingest write path   ${ingestS.toFixed(2)} s  ${rate(n, ingestS)}`);
    console.log(`  ingest / COPY       ${(ratio * 100).toFixed(0)}%  (target ≥ ${TARGET * 100}%: ${ratio >= TARGET ? "met" : "MISSED"})`);
  };

  // Each measurement twice, alternating, on a truncated table; the second (warm) pair is reported.
  let copyS = 0;
  let ingestS = 0;
  for (let round = 0; round < 2; round++) {
    await db.query(`TRUNCATE k8s_events`);
    copyS = await copy(db, `COPY k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, source, count, first_seen, last_seen) FROM STDIN`, eventTsv(clusterId));
    await db.query(`TRUNCATE k8s_events`);
    ingestS = await timed(async () => {
      for (let i = 0; i < events.length; i += 1000) await upsertEvents(db, clusterId, events.slice(i, i + 1000));
    });
  }
  report("events (k8s_events)", EVENTS, copyS, ingestS);

  for (let round = 0; round < 2; round++) {
    await db.query(`TRUNCATE log_lines`);
    copyS = await copy(db, `COPY log_lines (cluster_id, namespace, pod, container, ts, seq, level, message) FROM STDIN`, lineTsv(clusterId));
    await db.query(`TRUNCATE log_lines`);
    ingestS = await timed(async () => {
      for (let i = 0; i < lines.length; i += 5000) await insertLogLines(db, clusterId, lines.slice(i, i + 5000));
    });
  }
  report("log lines (log_lines)", LINES, copyS, ingestS);
  await db.end();
}

await main();
