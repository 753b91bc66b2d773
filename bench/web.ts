// The cockpit's web side at scale, in one run: the analysis bench's 10,000-pod, 30-day cluster
// (bench/web-data.ts), the app built once and served by `next start`, a headless Chromium signed in
// through the development provider. Measured, each beside a baseline taken in the same run so the
// figures read as ratios on any machine:
// - home page server response p50/p95 (whole body, signed in; target < 150 ms) once the server has served
//   WARM_PAGES pages, and the first pages after start; /api/cockpit p95; each against a bare SELECT of the same
//   rows over the same kind of pool (bench/web-baseline.ts);
// - /api/cockpit p95 of polls that hold the last answer's ETag, as the browser's 5-second poll does
//   (304 with no body when nothing changed; a stale cluster's "no heartbeat for …" changes each minute);
// - Largest Contentful Paint of the home page in Chromium, first visits (target < 1 s), against the
//   sign-in page's;
// - the home page's JavaScript, gzipped (target < 250 KB), against the framework's chunks alone.
// Run: npm run bench:web   (or: npx tsx bench/web.ts [deployments] [days])
// Database: BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/uptrust_bench_web (rebuilt).
// BENCH_KEEP_SEED=1 keeps the seeded, analysed database (<name>_cold) and starts later runs from it;
// BENCH_SKIP_BUILD=1 reuses an existing .next build; BENCH_REUSE_DATABASE=1 measures the database as it
// is (no seeding, no analysis: for iterating on the web side). Ports: BENCH_WEB_PORT (3390) and BENCH_IDP_PORT (4390).
import { getCockpit } from "@/lib/db/queries/get-cockpit.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { containerCount } from "@/lib/domain/rightsizing-order.ts";
import { parseScope } from "@/lib/domain/scope.ts";
import { bareCockpitRows } from "./web-baseline.ts";
import { databaseAsItIs, prepareBenchData } from "./web-data.ts";
import { buildApp, startApp } from "./web-app.ts";
import { expectStatus, fetchAll, frameworkScripts, initialScripts, measureLcp, pageScripts, sumGz, timeCalls, type Timing } from "./web-measure.ts";

const DEPLOYMENTS = Number(process.argv[2] ?? 1_000);
const DAYS = Number(process.argv[3] ?? 30);
const URL_ = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/uptrust_bench_web";
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3390);
const IDP_PORT = Number(process.env.BENCH_IDP_PORT ?? 4390);
const RUNS = 40;
const START_RUNS = 10;
const WARM_PAGES = 60;
const LCP_RUNS = 5;
const TARGETS = { homeMs: 150, lcpMs: 1_000, jsKb: 250 };
process.env.DATABASE_URL = URL_; // the seed, the analyzers and the baseline read it through lib/db

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const data = process.env.BENCH_REUSE_DATABASE === "1"
  ? await databaseAsItIs(URL_)
  : await prepareBenchData(URL_, { deployments: DEPLOYMENTS, days: DAYS }, process.env.BENCH_KEEP_SEED === "1");
console.log(`data: ${DEPLOYMENTS.toLocaleString("en-US")} Deployments × 10 pods, ${DAYS} days up to ${data.now.toISOString()}: ${data.origin}`);
const buildMs = await buildApp(process.env.BENCH_SKIP_BUILD === "1");
console.log(buildMs ? `next build: ${(buildMs / 1000).toFixed(1)} s` : "next build: reused .next (BENCH_SKIP_BUILD=1)");

const app = await startApp(URL_, PORT, IDP_PORT);
type Row = { figure: string; value: string; baseline: string; ratio: string; target: string; result: string };
const rows: Row[] = [];
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
const verdict = (value: number, target: number | null) => (target === null ? "" : value < target ? "PASS" : "MISS");
const add = (figure: string, value: number, unit: (x: number) => string, base: number, baseName: string, target: number | null) =>
  rows.push({ figure, value: unit(value), baseline: `${unit(base)} ${baseName}`, ratio: ratio(value, base), target: target === null ? "" : `< ${unit(target)}`, result: verdict(value, target) });

try {
  const { scope } = parseScope(new URLSearchParams());
  const pool = getPool();
  const cockpit = await getCockpit(scope, data.now);
  const slos = Object.values(cockpit.sloCounts).reduce((n, x) => n + x, 0);
  const incidents = cockpit.incidentCounts.open + cockpit.incidentCounts.resolved;
  const counts = `${slos} SLOs (${cockpit.slos.length} shown), ${incidents} incidents (${cockpit.incidents.length} shown), ` +
    `${cockpit.rightsizingTotals.containers} containers with suggestions (${containerCount(cockpit.recommendations)} shown), ` +
    `${cockpit.guardrails.totalFindings} guardrail findings, ${cockpit.capacity.totalPools} pools`;
  console.log(`cockpit: ${counts}`);

  const baseline: Timing = await timeCalls(() => bareCockpitRows(pool, data.now), RUNS);
  const query: Timing = await timeCalls(() => getCockpit(scope, data.now), RUNS);
  // The server as it starts, then as it runs: V8 keeps optimizing the render over the first pages it serves, so the
  // first pages after start are slower (the "first 10 after start" line shows by how much). The targets are read on a
  // server that has served WARM_PAGES pages, as one that has been up for a minute has.
  const homePage = () => expectStatus(`${app.url}/`, app.cookie, 200);
  const start = await timeCalls(homePage, START_RUNS, 0);
  await timeCalls(homePage, WARM_PAGES, 0);
  const home = await timeCalls(homePage, RUNS, 0);
  const api = await timeCalls(() => expectStatus(`${app.url}/api/cockpit`, app.cookie, 200), RUNS);
  const { etag, bytes } = await expectStatus(`${app.url}/api/cockpit`, app.cookie, 200);
  // The browser's poll: it sends the ETag of the last answer it holds and keeps that answer on a 304.
  let held = etag;
  let notModified = 0;
  const poll = async () => {
    const got = await fetchAll(`${app.url}/api/cockpit`, app.cookie, held ? { "if-none-match": held } : {});
    if (got.status === 304) notModified++;
    else if (got.status === 200) held = got.etag;
    else throw new Error(`/api/cockpit answered ${got.status} to a poll`);
  };
  const polls = await timeCalls(poll, RUNS, 0);

  const storage = await app.context.storageState();
  const lcp = await measureLcp(app.browser, app.url, "/", LCP_RUNS, storage);
  const lcpLogin = await measureLcp(app.browser, app.url, "/login", LCP_RUNS);
  const scripts = await pageScripts(app.context, "/");
  const homeHtml = await expectStatus(`${app.url}/`, app.cookie, 200);
  const initial = initialScripts(homeHtml.text, scripts);
  const framework = frameworkScripts();

  const bare = "bare SELECT of the same rows";
  add("home page server response p50", home.p50, ms, baseline.p50, `${bare} p50`, TARGETS.homeMs);
  add("home page server response p95", home.p95, ms, baseline.p95, `${bare} p95`, TARGETS.homeMs);
  add(`home page, first ${START_RUNS} after start p50`, start.p50, ms, baseline.p50, `${bare} p50`, null);
  add("/api/cockpit p95", api.p95, ms, baseline.p95, `${bare} p95`, null);
  add(`/api/cockpit poll p95 (${notModified} of ${RUNS} answered 304)`, polls.p95, ms, api.p95, "/api/cockpit p95 with a body", null);
  add("getCockpit() in process p95", query.p95, ms, baseline.p95, `${bare} p95`, null);
  add(`LCP in Chromium p50 (${LCP_RUNS} first visits)`, lcp.p50, ms, lcpLogin.p50, "sign-in page p50", TARGETS.lcpMs);
  add(`LCP in Chromium, slowest of ${LCP_RUNS}`, lcp.p95, ms, lcpLogin.p95, "sign-in page, slowest", TARGETS.lcpMs);
  add("home page JavaScript, gzipped", sumGz(scripts), kb, sumGz(framework), `framework chunks alone (${framework.length} files)`, TARGETS.jsKb * 1024);
  add("  of which its HTML names (hydration)", sumGz(initial), kb, sumGz(framework), `framework chunks alone (${framework.length} files)`, null);

  console.log(`\nhome page HTML ${kb(homeHtml.bytes)}; /api/cockpit body ${kb(bytes)}${etag ? `, ETag ${etag}` : ", no ETag"}; home page loads ${scripts.length} script files; the largest (gzipped):`);
  for (const x of scripts.slice(0, 8)) console.log(`  ${kb(x.gz).padStart(9)}  ${x.path}`);
  const cols: (keyof Row)[] = ["figure", "value", "baseline", "ratio", "target", "result"];
  const width = (c: keyof Row) => Math.max(c.length, ...rows.map((r) => r[c].length));
  const line = (r: Record<keyof Row, string>) => cols.map((c) => r[c].padEnd(width(c))).join("  ");
  console.log(`\nbench:web, ${DEPLOYMENTS.toLocaleString("en-US")} Deployments × 10 pods, ${DAYS} days (${counts}); ${RUNS} timed requests each, one at a time`);
  console.log(line({ figure: "figure", value: "measured", baseline: "baseline (same run)", ratio: "ratio", target: "target", result: "result" }));
  console.log(cols.map((c) => "-".repeat(width(c))).join("  "));
  for (const r of rows) console.log(line(r));
} finally {
  await app.stop();
  await Promise.all([disconnectPrisma(), closePools()]);
}
