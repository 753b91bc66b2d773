// The full lists (/slos, /rightsizing) at the size the brief names: 1,200 SLOs with a week of hour sums
// each, and 2,400 suggestions (KRR and VPA for 1,200 containers), over two clusters and twelve namespaces.
// Measured, p50/p95 of 30 calls after 5 warm-up calls, one at a time:
// - the SLO reads: getSloCards (every card with its 24-hour burn buckets) against readSloCards (every
//   card without them) and readSloHeadlines, then what /slos does: count, filter and page the headlines, then read
//   whole cards for the page shown;
// - the suggestions: whole rows (getRecommendationRows) against headlines (readRecommendationHeadlines), then what
//   /rightsizing does: order, group and total the headlines, then read whole rows for the page shown;
// Run: npx tsx bench/lists.ts   Database: BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/uptrust_bench_lists (rebuilt).
import { pageIds, rightsizingList, withRows } from "@/components/lists/rightsizing-list.ts";
import { pageSloIds, sloList, withCards } from "@/components/lists/slo-list.ts";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { getRecommendationRows, readRecommendationHeadlines, readRecommendationRows } from "@/lib/db/queries/get-recommendation-rows.ts";
import { getSloCards, readSloCards, readSloCardsByIds, readSloHeadlines } from "@/lib/db/queries/get-slo-cards.ts";
import { rebuildDatabase } from "@/lib/db/rebuild-database.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import { timeCalls, type Timing } from "./web-measure.ts";

const URL_ = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/uptrust_bench_lists";
const SLOS = 1_200;
const NOW = new Date("2026-12-06T12:00:00Z");
process.env.DATABASE_URL = URL_;

async function seed() {
  await rebuildDatabase(URL_);
  const db = getPool();
  await db.query(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('prod-eu', 'https://a:6443', 'connected', $1), ('prod-us', 'https://b:6443', 'connected', $1)`, [NOW]);
  await db.query(
    `INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas)
     SELECT (SELECT id FROM clusters WHERE name = CASE WHEN i % 2 = 0 THEN 'prod-eu' ELSE 'prod-us' END), 'ns-' || (i % 12), 'Deployment', 'svc-' || i, 'uid-' || i, 3
       FROM generate_series(1, $1::int) i`, [SLOS]);
  await db.query(`INSERT INTO slos (workload_id, name, target) SELECT id, 'availability', 0.999 FROM workloads`);
  // Every 50th pages, every 20th tickets, every 97th has no status yet; budgets spread over 0–100 %.
  await db.query(
    `INSERT INTO slo_status (slo_id, computed_at, sli, budget_remaining, burn_rate_1h, burn_rate_6h, burn_rate_30d, alert, explanation, measured_since)
     SELECT s.id, $1, 0.9995, (n * 37 % 100) / 100.0, (n % 7)::float8, (n % 5)::float8, 0.5,
            CASE WHEN n % 50 = 0 THEN 'page' WHEN n % 20 = 0 THEN 'ticket' END, 'seeded', $1::timestamptz - interval '30 days'
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM slos) s WHERE n % 97 <> 0`, [NOW]);
  await db.query(
    `INSERT INTO budget_charges (slo_id, position, description, spent, bad, intervals, computed_at)
     SELECT id, p, 'rollout ' || p, 0.1 / p, 10, '[]', $1 FROM slos, generate_series(1, 3) p`, [NOW]);
  await db.query(
    `INSERT INTO sli_hours (slo_id, hour, good, total, first_ts, counted_ts)
     SELECT s.id, h, 10770 + (random() * 30)::int, 10800, h, h FROM slos s, generate_series($1::timestamptz - interval '7 days', $1::timestamptz - interval '1 hour', interval '1 hour') h`,
    [NOW]);
  await db.query(
    `INSERT INTO recommendations (workload_id, container, strategy, current_cpu_request_millis, current_memory_request_bytes, current_memory_limit_bytes,
       cpu_request_millis, memory_request_bytes, memory_limit_bytes, replicas, held, held_reason, basis, computed_at)
     SELECT w.id, 'app', st, 1000, 1073741824, 1073741824, 100 + (random() * 800)::int, 268435456, 268435456, 3, random() < 0.05, NULL,
            '{"cpuPercentile": 95, "sampleCount": 20000, "historyHours": 168}', $1
       FROM workloads w, unnest(ARRAY['krr-simple', 'vpa']) st`, [NOW]);
  await db.query("ANALYZE");
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const line = (figure: string, t: Timing) => console.log(`${figure.padEnd(62)} p50 ${ms(t.p50).padStart(7)}  p95 ${ms(t.p95).padStart(7)}`);

try {
  const t0 = performance.now();
  await seed();
  console.log(`seeded ${SLOS.toLocaleString("en-US")} SLOs (a week of hour sums each) and ${(2 * SLOS).toLocaleString("en-US")} suggestions in ${ms(performance.now() - t0)}`);
  const cards = await readSloCards(EVERYTHING);
  const rows = await getRecommendationRows(EVERYTHING);
  console.log(`read back: ${cards.length} SLOs, ${rows.length} suggestions`);
  line("getSloCards, cockpit (with 24 h burn buckets)", await timeCalls(() => getSloCards(EVERYTHING), 30));
  line("readSloCards (every card, no burn buckets)", await timeCalls(() => readSloCards(EVERYTHING), 30));
  line("readSloHeadlines (1,200 headlines)", await timeCalls(() => readSloHeadlines(EVERYTHING), 30));
  line("  /slos assembly: counts + page 1 of all", await timeCalls(async () => sloList(cards, null, 1), 30));
  line("  /slos assembly: alert=healthy, page 20", await timeCalls(async () => sloList(cards, "healthy", 20), 30));
  line("getRecommendationRows (2,400 whole rows)", await timeCalls(() => getRecommendationRows(EVERYTHING), 30));
  line("readRecommendationHeadlines (2,400 headlines)", await timeCalls(() => readRecommendationHeadlines(EVERYTHING), 30));
  line("  /rightsizing assembly: order, group, totals, page 1", await timeCalls(async () => rightsizingList(rows, false, 1), 30));
  line("/slos server work (headlines, assembly, page 1's cards)", await timeCalls(async () => {
    const view = sloList(await readSloHeadlines(EVERYTHING), null, 1);
    return withCards(view, await readSloCardsByIds(pageSloIds(view)));
  }, 30));
  line("/rightsizing server work (headlines, assembly, page 1's rows)", await timeCalls(async () => {
    const view = rightsizingList(await readRecommendationHeadlines(EVERYTHING), false, 1);
    return withRows(view, await readRecommendationRows(pageIds(view)));
  }, 30));
} finally {
  await closePools();
  await disconnectPrisma();
}
