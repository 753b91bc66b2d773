import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { sloIdentity } from "@/lib/domain/slo-rules.ts";
import { serveMetrics, type MetricsServer } from "@/lib/metrics/serve-metrics.ts";
import { backfill } from "@/lib/prometheus/testing/backfilled-prometheus.ts";
import { checkoutOutage } from "@/lib/prometheus/testing/checkout-outage.ts";
import { runPrometheus, type RunningPrometheus } from "@/lib/prometheus/testing/run-prometheus.ts";
import { queryWhenPresent, writeScrapeConfig } from "@/lib/prometheus/testing/scraping-prometheus.ts";
import { exportSloRules, type SloRuleFile } from "@/lib/slo/export-slo-rules.ts";
import { importSloFile } from "@/lib/slo/define-slos.ts";
import { realInput } from "@/lib/testing/real-input.ts";
import { analyzeMetrics } from "./analyze-metrics.ts";
import { ensureSlos } from "./ensure-slos.ts";
import { runAnalysisCycle } from "./run-analysis-cycle.ts";

// Every SLO exported as Prometheus rules and loaded into Debian's Prometheus: Sloth's and OpenSLO's own examples
// imported as a user imports them, a Sloth SLO on checkout's requests (three hours of traffic backfilled, 60 % of
// them failing for 15 minutes an hour ago) and the demo story's availability SLO (checkout 3 of 4 replicas for 20
// minutes after the bad rollout), which Prometheus reads from the analyze worker's /metrics.
const MIN = 60_000;
const now = Math.floor(Date.now() / MIN) * MIN - 10 * MIN;
const checkout = checkoutOutage(now);
// OpenSLO's examples leave the metric source a placeholder (type: Any); named, they import.
const REAL = ["sloth/getting-started.yml", "sloth/home-wifi.yml", "sloth/kubernetes-apiserver.yml", "sloth/raw-home-wifi.yml", "sloth/k8s-home-wifi.yml",
  "openslo/budgeting-method-occurences-slo.yaml", "openslo/budgeting-method-ratio-timeslices.yaml", "openslo/treat-low-traffic-timeslices-slo.yaml", "openslo/pkg-v1-slos.yaml"];
// The same traffic as OpenSLO SLOs whose queries read a fixed minute: by Timeslices (a minute is good at 95 % good
// requests) and by Occurrences.
const sliceSlos = ["Timeslices", "Occurrences"].map((method) => `apiVersion: openslo/v1
kind: SLO
metadata: { name: requests-${method.toLowerCase()} }
spec:
  service: shop/checkout
  budgetingMethod: ${method}
  timeWindow: [{ duration: 30d, isRolling: true }]
  indicator:
    metadata: { name: good-requests-${method.toLowerCase()} }
    spec:
      ratioMetric:
        good: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(http_requests_total{job="checkout",code!~"5.."}[1m]))' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(http_requests_total{job="checkout"}[1m]))' } } }
  objectives:
    - target: 0.99
${method === "Timeslices" ? "      timeSliceTarget: 0.95\n      timeSliceWindow: 1m\n" : ""}`).join("---\n");
const readReal = (file: string) => readFileSync(realInput(join("slo", file)), "utf8").replace(/type: Any/g, "type: Prometheus");

type Rule = { name: string; query: string; health: string; type: string; labels: Record<string, string>; state?: string };
type Group = { name: string; file: string; rules: Rule[] };

let prometheus: RunningPrometheus;
let server: MetricsServer;
let file: SloRuleFile;
const metrics = analyzeMetrics();

async function promQuery(query: string, time?: number): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const body = (await (await fetch(`${prometheus.url}/api/v1/query?${new URLSearchParams({ query, ...(time ? { time: String(time / 1000) } : {}) })}`)).json()) as {
    status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] }; error?: string;
  };
  if (body.status !== "success") throw new Error(`Prometheus refused ${query}: ${body.error}`);
  return body.data.result;
}

/** The loaded groups once every rule has been evaluated at least once (health leaves "unknown"). */
async function evaluatedGroups(timeoutMs = 20_000): Promise<Group[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as { data: { groups: Group[] } };
    const groups = body.data.groups;
    if (groups.length && groups.every((g) => g.rules.every((r) => r.health !== "unknown"))) return groups;
    if (Date.now() > deadline) return groups;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  const db = getPool();
  await db.query("TRUNCATE clusters, mttr_weeks CASCADE");
  const { rows: [c] } = await db.query<{ id: string; name: string }>(
    `INSERT INTO clusters (name, server, status, last_event_at) VALUES ('demo', 'https://demo', 'connected', $1) RETURNING id, name`, [new Date(now)]);
  const services = [["shop", "checkout"], ...["myservice", "home-wifi", "k8s-apiserver", "web-shop", "web-availability", "web"].map((n) => ["default", n])];
  for (const [ns, name] of services) {
    await db.query(`INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, available_replicas, ready_replicas, updated_replicas)
                    VALUES ($1, $2, 'Deployment', $3, $3 || '-uid', 4, 4, 4, 4)`, [c.id, ns, name]);
  }
  // The demo story's checkout: the bad rollout leaves 3 of 4 replicas available for 20 minutes.
  const { rows: [deployment] } = await db.query<{ id: string }>(`SELECT id FROM workloads WHERE name = 'checkout'`);
  for (const [at, available] of [[now - 6 * 60 * MIN, 4], [now - 50 * MIN, 3], [now - 30 * MIN, 4]]) {
    await db.query(`INSERT INTO workload_status VALUES ($1, $2, 4, $3, $3, 4)`, [deployment.id, new Date(at), available]);
  }
  // default/web has been watched for 5 minutes, all of them with no replica available: too few to page on.
  const { rows: [web] } = await db.query<{ id: string }>(`SELECT id FROM workloads WHERE namespace = 'default' AND name = 'web'`);
  await db.query(`INSERT INTO workload_status VALUES ($1, $2, 4, 0, 0, 4)`, [web.id, new Date(now - 5 * MIN)]);
  for (const file of REAL) expect(await importSloFile(readReal(file)), file).toMatchObject({ ok: true });
  expect(await importSloFile(checkout.sloth)).toMatchObject({ ok: true });
  expect(await importSloFile(sliceSlos)).toMatchObject({ ok: true, slos: [{ name: "requests-timeslices" }, { name: "requests-occurrences" }] });
  // Every Deployment's default availability SLO, as the analyzer's first step creates it.
  await ensureSlos({ id: c.id, name: c.name }, new Date(now));

  file = (await exportSloRules({}, new Date(now)))!;
  server = await serveMetrics(metrics.registry, 0, "127.0.0.1");
  const dir = mkdtempSync(join(tmpdir(), "uptrust-prometheus-"));
  backfill(dir, checkout.history);
  writeScrapeConfig(dir, [{ job: "uptrust-analyze", address: `127.0.0.1:${server.port}` }], file.yaml);
  prometheus = await runPrometheus(dir);
  process.env.UPTRUST_PROMETHEUS_URL = prometheus.url;
  expect((await runAnalysisCycle(new Date(now))).filter((o) => !o.ok)).toEqual([]);
}, 90_000);

afterAll(async () => {
  await prometheus?.stop();
  await server?.close();
  await disconnectPrisma();
  await closePools();
});

const writtenGroups = () => (parse(file.yaml) as { groups: { name: string; rules: { labels?: Record<string, string> }[] }[] }).groups;

describe("every SLO exported as Prometheus rules", () => {
  it("covers every SLO: the real files', checkout's Sloth SLO and every workload's default availability SLO", async () => {
    const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM slos`);
    expect(file.slos).toBe(rows[0].n);
    const ids = new Set(writtenGroups().flatMap((g) => g.rules.map((r) => r.labels?.sloth_id)));
    for (const id of ["default/myservice-requests-availability", "default/home-wifi-wifi-client-satisfaction", "default/web-shop-search-slo", "default/web-availability", "shop/checkout-availability", "shop/checkout-requests-availability"]) {
      expect(ids).toContain(id);
    }
  });

  it("passes promtool check rules without a warning", () => {
    const dir = mkdtempSync(join(tmpdir(), "uptrust-rules-"));
    writeFileSync(join(dir, file.fileName), file.yaml);
    const check = spawnSync("promtool", ["check", "rules", join(dir, file.fileName)], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(`SUCCESS: ${writtenGroups().reduce((n, g) => n + g.rules.length, 0)} rules found`);
  });

  it("as a PrometheusRule for the Prometheus Operator, holds the very groups promtool passed", async () => {
    const as = { format: "prometheusrule", namespace: "monitoring", labels: { release: "kube-prometheus-stack" } } as const;
    const rule = parse((await exportSloRules({}, new Date(now), as))!.yaml) as { kind: string; metadata: { namespace: string }; spec: { groups: unknown[] } };
    expect([rule.kind, rule.metadata.namespace]).toEqual(["PrometheusRule", "monitoring"]);
    expect(rule.spec.groups).toEqual(writtenGroups());
  });

  it("loads into the real Prometheus: every group present and every rule evaluated healthy", async () => {
    const groups = await evaluatedGroups();
    expect(groups.map((g) => g.name).sort()).toEqual(writtenGroups().map((g) => g.name).sort());
    const unhealthy = groups.flatMap((g) => g.rules.filter((r) => r.health !== "ok").map((r) => `${g.name} ${r.name}: ${r.health}`));
    expect(unhealthy).toEqual([]);
  });
});

type StoredWindow = { longWindowMs: number; shortWindowMs: number; longBurn: number; shortBurn: number };
async function stored(workload: string, name: string): Promise<{ alert: string | null; windows: StoredWindow[]; burn30d: number }> {
  const { rows } = await getPool().query<{ alert: string | null; windows: StoredWindow[]; burn30d: number }>(
    `SELECT st.alert, st.windows, st.burn_rate_30d AS burn30d FROM slo_status st JOIN slos s ON s.id = st.slo_id JOIN workloads w ON w.id = s.workload_id
      WHERE w.name = $1 AND s.name = $2`, [workload, name]);
  return rows[0];
}
const burnOver = (windows: readonly StoredWindow[], ms: number) => windows.find((w) => w.longWindowMs === ms)?.longBurn ?? windows.find((w) => w.shortWindowMs === ms)!.shortBurn;
const selector = (id: Record<string, string>) => `{${Object.entries(id).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(",")}}`;

describe("the rules' figures agree with Uptrust's", () => {
  it("the demo's availability SLO: each window's recorded burn rate is the one its page shows, and Prometheus opens the ticket Uptrust opened", async () => {
    const id = sloIdentity({ cluster: "demo", namespace: "shop", workload: "checkout", name: "availability" });
    const status = await stored("checkout", "availability");
    // 20 unavailable minutes: 6 hours of history is enough for the 1-day ticket rule, the last 5 minutes are fine, so no page.
    expect(status.alert).toBe("ticket");
    for (const [window, ms] of [["1h", 60 * MIN], ["6h", 360 * MIN], ["1d", 1440 * MIN]] as const) {
      const [recorded] = await queryWhenPresent(prometheus.url, `slo:sli_error:ratio_rate${window}${selector(id)} / 0.001`);
      expect(Number(recorded.value[1]), window).toBeCloseTo(burnOver(status.windows, ms), 6);
    }
    const [period] = await queryWhenPresent(prometheus.url, `slo:period_burn_rate:ratio${selector(id)}`);
    expect(Number(period.value[1])).toBeCloseTo(status.burn30d, 6);
    const alerts = await queryWhenPresent(prometheus.url, `ALERTS{alertname="CheckoutAvailabilitySLO", alertstate="firing"}`);
    expect(alerts.map((a) => [a.metric.sloth_severity, a.metric.sloth_id])).toEqual([["ticket", "shop/checkout-availability"]]);
  });

  it("a workload watched for only 5 minutes, all of them down, pages nobody: not Uptrust, not Prometheus", async () => {
    const id = sloIdentity({ cluster: "demo", namespace: "default", workload: "web", name: "availability" });
    const status = await getPool().query<{ alert: string | null; windows: { longWindowMs: number; longEvents: number; longBurn: number; skipped?: string }[] }>(
      `SELECT st.alert, st.windows FROM slo_status st JOIN slos s ON s.id = st.slo_id JOIN workloads w ON w.id = s.workload_id
        WHERE w.namespace = 'default' AND w.name = 'web' AND s.name = 'availability'`,
    );
    const hour = status.rows[0].windows.find((w) => w.longWindowMs === 60 * MIN)!;
    expect({ alert: status.rows[0].alert, events: hour.longEvents, skipped: hour.skipped }).toEqual({ alert: null, events: 5, skipped: "too-few-events" });
    expect(hour.longBurn).toBeGreaterThan(14.4);
    // Prometheus has the same figures: the hour burns far past 14.4x, over 5 events.
    const [events] = await queryWhenPresent(prometheus.url, `slo:sli_events:count1h${selector(id)}`);
    expect(Number(events.value[1])).toBe(5);
    const [burn] = await queryWhenPresent(prometheus.url, `slo:sli_error:ratio_rate1h${selector(id)} / 0.001`);
    expect(Number(burn.value[1])).toBeCloseTo(hour.longBurn, 6);
    // Rules are evaluated every second; after a few evaluations on these figures, no alert of web's is pending or firing.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await promQuery(`ALERTS{sloth_id="default/web-availability"}`)).toEqual([]);
  });

  // The rule as Prometheus would record it at the analysis's minute.
  async function ruleBurn(name: string, window: string): Promise<number> {
    const id = sloIdentity({ cluster: "demo", namespace: "shop", workload: "checkout", name });
    const groups = await evaluatedGroups();
    const rule = groups.find((g) => g.name === `sloth-slo-sli-recordings-demo/${id.sloth_id}`)!.rules.find((r) => r.name === `slo:sli_error:ratio_rate${window}`)!;
    const [value] = await promQuery(rule.query, now);
    const budget = Number((await promQuery(`slo:error_budget:ratio${selector(id)}`))[0].value[1]);
    return Number(value.value[1]) / budget;
  }

  it("checkout's Sloth SLO: the recording rule's 1-hour and 6-hour burn, asked of the backfilled history, is Uptrust's", async () => {
    const status = await stored("checkout", "requests-availability");
    for (const [window, ms] of [["1h", 60 * MIN], ["6h", 360 * MIN]] as const) {
      const uptrust = burnOver(status.windows, ms);
      // 15 minutes at 60 % failing: 9 of 60 minutes' requests in the last hour, a 150x burn of a 99.9 % budget.
      expect(uptrust, window).toBeGreaterThan(window === "1h" ? 140 : 20);
      // Sloth's rate() over the window extrapolates to its edges; Uptrust sums whole minutes.
      expect((await ruleBurn("requests-availability", window)) / uptrust, window).toBeCloseTo(1, 2);
    }
  });

  it("OpenSLO SLOs on a fixed minute's queries: Timeslices and Occurrences burn as Uptrust counts them, to a minute", async () => {
    for (const name of ["requests-timeslices", "requests-occurrences"]) {
      const status = await stored("checkout", name);
      for (const [window, ms] of [["5m", 5 * MIN], ["1h", 60 * MIN], ["6h", 360 * MIN], ["3d", 3 * 1440 * MIN]] as const) {
        // Both ask the same minutes, but Prometheus 2 reads a range with both its ends: one minute more than Uptrust's
        // (the one that ended as the window began), and so at most one minute's share of the burn apart.
        const uptrust = burnOver(status.windows, ms);
        expect(Math.abs((await ruleBurn(name, window)) - uptrust), `${name} ${window}`).toBeLessThanOrEqual(uptrust / (ms / MIN) + 1e-9);
      }
    }
    // Under Timeslices each outage minute is wholly bad: 15 of the last 60 minutes, a 25x burn of a 99 % budget;
    // by Occurrences, the 15 % of the hour's requests that failed, 15x.
    expect(burnOver((await stored("checkout", "requests-timeslices")).windows, 60 * MIN)).toBeCloseTo(25, 6);
    expect(burnOver((await stored("checkout", "requests-occurrences")).windows, 60 * MIN)).toBeCloseTo(15, 0);
  });
});

describe("the analyze worker's SLO window figures", () => {
  it("cost one read of PostgreSQL a scrape, shared by both gauges", async () => {
    const { Registry } = await import("prom-client");
    const { registerSloWindowGauges } = await import("./slo-window-metrics.ts");
    const { readOwnSloWindows } = await import("@/lib/db/analyze/read-own-slo-windows.ts");
    let reads = 0;
    const registry = new Registry();
    registerSloWindowGauges(registry, () => (reads++, readOwnSloWindows()));
    const text = await registry.metrics();
    expect(reads).toBe(1);
    expect(text).toMatch(/^uptrust_slo_window_events\{sloth_id="shop\/checkout-availability",.*sloth_window="1h"\} 60$/m);
    await registry.metrics();
    expect(reads).toBe(2);
  });
});
