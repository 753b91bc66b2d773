import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { runAnalysisCycle } from "@/workers/analyze/run-analysis-cycle.ts";
import { defineSlo, importSloFile } from "./define-slos.ts";

const MIN = 60_000;
const base = Date.UTC(2026, 11, 2, 8, 0);
const now = new Date(base + 120 * MIN);

async function q<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await getPool().query<T>(sql, params)).rows;
}

// Two hours of frontend traffic through the ingress: 6 requests a minute, one in three slower than 300 ms
// (but within 500 ms) during the second hour.
async function seed() {
  await q(`TRUNCATE clusters, mttr_weeks CASCADE`);
  const [c] = await q<{ id: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('prod', 'https://prod', 'connected', $1) RETURNING id`, [now]);
  for (const [ns, name] of [["shop", "frontend"], ["shop", "checkout"], ["payments", "checkout"]]) {
    await q(
      `INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, available_replicas, ready_replicas, updated_replicas, spec_facts)
       VALUES ($1, $2, 'Deployment', $3, $2 || $3, 2, 2, 2, 2, $4)`,
      [c.id, ns, name, JSON.stringify({ labels: { app: name } })],
    );
  }
  await q(`INSERT INTO kube_objects (cluster_id, api_version, kind, namespace, name, uid, spec, updated_at) VALUES ($1, 'v1', 'Service', 'shop', 'frontend', 'svc-frontend', '{"selector":{"app":"frontend"}}', $2)`, [c.id, now]);
  const lines: [Date, string][] = [];
  for (let m = 0; m < 120; m++) {
    for (let k = 0; k < 6; k++) {
      const seconds = m >= 60 && k % 3 === 0 ? 0.42 : 0.05;
      const t = new Date(base + m * MIN + k * 10_000);
      lines.push([t, `198.51.100.7 - - [02/Dec/2026:08:00:00 +0000] "GET / HTTP/2.0" 200 512 "-" "Mozilla/5.0" 300 ${seconds.toFixed(3)} [shop-frontend-80] [] 10.244.0.9:8080 512 ${seconds.toFixed(3)} 200 abc`]);
    }
  }
  await q(
    `INSERT INTO log_lines (cluster_id, namespace, pod, container, ts, seq, level, message)
     SELECT $1, 'ingress-nginx', 'ingress-nginx-controller-x', 'controller', t, 0, NULL, m FROM unnest($2::timestamptz[], $3::text[]) AS u(t, m)`,
    [c.id, lines.map((l) => l[0]), lines.map((l) => l[1])],
  );
}

describe("SLOs people define and import", () => {
  beforeAll(seed);
  afterAll(closePools);

  it("a latency SLO defined on the cockpit is measured from the access logs at its own threshold", async () => {
    const r = await defineSlo({ workload: "shop/frontend", name: "fast", indicator: "latency", target: 0.99, thresholdMs: 300, windowDays: 30, calendar: null, budgeting: "occurrences", description: "" });
    expect(r).toMatchObject({ ok: true, slos: [{ workload: "shop/frontend", name: "fast", created: true }] });
    expect((await runAnalysisCycle(now)).filter((o) => !o.ok)).toEqual([]);
    const [fast] = await q<{ sli: number; explanation: string }>(`SELECT st.sli, st.explanation FROM slo_status st JOIN slos s ON s.id = st.slo_id WHERE s.name = 'fast'`);
    // 120 of 720 requests took 420 ms: over a 300 ms threshold, within the default's 500 ms.
    expect(fast.sli).toBeCloseTo(600 / 720, 6);
    // A third of the last hour's requests were slow against a 1 % budget: a 33× burn.
    expect(fast.explanation).toMatch(/^frontend's fast SLO is burning its 30-day error budget 33.3× faster than sustainable/);
    const [latency] = await q<{ sli: number }>(`SELECT st.sli FROM slo_status st JOIN slos s ON s.id = st.slo_id WHERE s.name = 'latency'`);
    expect(latency.sli).toBe(1);
  });

  it("request minutes older than the logs they came from are dropped, in the first cycle of the next hour", async () => {
    const [w] = await q<{ id: string }>(`SELECT id FROM workloads WHERE namespace = 'shop' AND name = 'frontend'`);
    await q(`INSERT INTO request_minutes (workload_id, source, ts, total, errors, timed, le) VALUES ($1, 'app', $2, 1, 0, 1, '{1}')`, [w.id, new Date(now.getTime() - 40 * 86_400_000)]);
    const old = () => q(`SELECT ts FROM request_minutes WHERE ts < $1`, [new Date(now.getTime() - 31 * 86_400_000)]);
    await runAnalysisCycle(new Date(now.getTime() + 60_000));
    expect(await old()).toHaveLength(1);
    await runAnalysisCycle(new Date(now.getTime() + 60 * 60_000));
    expect(await old()).toEqual([]);
    expect((await q(`SELECT count(*)::int AS n FROM request_minutes`))[0]).toEqual({ n: 120 });
  });

  it("redefining what an SLO measures drops what was measured under the old definition", async () => {
    const r = await defineSlo({ workload: "shop/frontend", name: "fast", indicator: "latency", target: 0.99, thresholdMs: 500, windowDays: 30, calendar: null, budgeting: "occurrences", description: "" });
    expect(r).toMatchObject({ ok: true, slos: [{ created: false, redefined: true }] });
    expect(await q(`SELECT 1 FROM sli_samples x JOIN slos s ON s.id = x.slo_id WHERE s.name = 'fast'`)).toEqual([]);
    // The hour sums the evaluator and the cockpit read go too, or old hours would outlive their minutes.
    expect(await q(`SELECT 1 FROM sli_hours x JOIN slos s ON s.id = x.slo_id WHERE s.name = 'fast'`)).toEqual([]);
    expect(await q(`SELECT 1 FROM sli_days x JOIN slos s ON s.id = x.slo_id WHERE s.name = 'fast'`)).toEqual([]);
    await runAnalysisCycle(now);
    const [fast] = await q<{ sli: number }>(`SELECT st.sli FROM slo_status st JOIN slos s ON s.id = st.slo_id WHERE s.name = 'fast'`);
    expect(fast.sli).toBe(1);
  });

  it("an import is all or nothing: an unknown or ambiguous service stores none of the file", async () => {
    const file = `version: prometheus/v1
service: checkout
slos:
  - name: requests-availability
    objective: 99.9
    sli: { events: { error_query: 'sum(rate(http_requests_total{code=~"5.."}[5m]))', total_query: 'sum(rate(http_requests_total[5m]))' } }
---
version: prometheus/v1
service: shop/search
slos:
  - name: search-availability
    objective: 99.9
    sli: { events: { error_query: 'a', total_query: 'b' } }
`;
    const r = await importSloFile(file);
    expect(r).toEqual({
      ok: false,
      problems: [
        "slo.yaml:4: requests-availability: service checkout matches payments/checkout in prod, shop/checkout in prod: write namespace/name and choose the cluster",
        "slo.yaml:11: search-availability: service no workload shop/search: name one Uptrust watches, as namespace/name",
      ],
      notes: [],
    });
    expect(await q(`SELECT name FROM slos WHERE origin <> 'default'`)).toEqual([{ name: "fast" }]);
  });

  it("an imported PromQL SLO with no Prometheus configured is kept as written and says how to measure it", async () => {
    const file = `version: prometheus/v1
service: shop/checkout
slos:
  - name: requests-availability
    objective: 99.9
    sli: { events: { error_query: 'sum(rate(http_requests_total{code=~"5.."}[5m]))', total_query: 'sum(rate(http_requests_total[5m]))' } }
`;
    expect(await importSloFile(file)).toMatchObject({ ok: true, slos: [{ workload: "shop/checkout", name: "requests-availability", created: true }] });
    await runAnalysisCycle(now);
    const [s] = await q<{ origin: string; source_yaml: string; explanation: string }>(
      `SELECT s.origin, s.source_yaml, st.explanation FROM slos s JOIN slo_status st ON st.slo_id = s.id WHERE s.name = 'requests-availability'`,
    );
    expect(s.origin).toBe("sloth");
    expect(s.source_yaml).toBe(file);
    expect(s.explanation).toContain("no Prometheus is configured for its cluster: set UPTRUST_PROMETHEUS_URL, or this cluster's entry in UPTRUST_PROMETHEUS_URLS");
  });

  it("an OpenSLO RatioTimeslices SLO is measured as the mean of its minutes' ratios, its target stored as written", async () => {
    const file = `apiVersion: openslo/v1
kind: SLO
metadata: { name: fast-minutes }
spec:
  service: shop/frontend
  indicatorRef: frontend-fast
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: RatioTimeslices
  objectives: [{ op: lte, value: 300, targetPercent: 99.9, timeSliceWindow: 1m }]
---
apiVersion: openslo/v1
kind: SLI
metadata: { name: frontend-fast }
spec:
  thresholdMetric: { metricSource: { type: Uptrust, spec: { query: latency } } }
`;
    expect(await importSloFile(file)).toMatchObject({ ok: true, slos: [{ workload: "shop/frontend", name: "fast-minutes", created: true }], notes: [] });
    await runAnalysisCycle(now);
    const [s] = await q<{ budgeting: string; exact: boolean; sli: number }>(
      `SELECT s.budgeting, s.target = 0.999 AS exact, st.sli FROM slos s JOIN slo_status st ON st.slo_id = s.id WHERE s.name = 'fast-minutes'`,
    );
    // First hour every minute within 300 ms, second hour 4 of 6 requests a minute: the mean of the minutes'
    // ratios is 5/6. Counting good slices against the SLO's 99.9 % would have said 1/2.
    expect(s).toEqual({ budgeting: "ratio-timeslices", exact: true, sli: expect.closeTo(5 / 6, 9) });
  });

  it("a Sloth Kubernetes resource imports; an alias bomb is refused with its reason and stores nothing", async () => {
    const resource = `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata: { name: checkout, namespace: monitoring }
spec:
  service: payments/checkout
  slos:
    - name: wallet-availability
      objective: 99.9
      sli: { raw: { errorRatioQuery: 'avg(wallet_error_ratio)' } }
`;
    expect(await importSloFile(resource)).toMatchObject({ ok: true, slos: [{ workload: "payments/checkout", name: "wallet-availability", created: true }] });
    const [saved] = await q<{ sli_query: unknown; target: number; origin: string }>(`SELECT sli_query, target, origin FROM slos WHERE name = 'wallet-availability'`);
    expect(saved).toEqual({ sli_query: { kind: "raw", query: "avg(wallet_error_ratio)", ratio: "error" }, target: 0.999, origin: "sloth" });
    const bomb = ["version: prometheus/v1", "a: &a [x, x, x, x, x, x, x, x, x, x]", ...[..."bcdefghi"].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)];
    const refused = await importSloFile(bomb.join("\n"));
    expect(refused).toMatchObject({ ok: false, problems: [expect.stringMatching(/^slo\.yaml:1: expands YAML aliases beyond 100/)] });
  });
});
