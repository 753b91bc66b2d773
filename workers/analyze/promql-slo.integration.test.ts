import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { getSloCards } from "@/lib/db/queries/get-slo-cards.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { startBackfilledPrometheus, type RunningPrometheus } from "@/lib/prometheus/testing/backfilled-prometheus.ts";
import { checkoutOutage } from "@/lib/prometheus/testing/checkout-outage.ts";
import { importSloFile } from "@/lib/slo/define-slos.ts";
import { runAnalysisCycle } from "./run-analysis-cycle.ts";

// Three hours of checkout traffic in prod's own Prometheus, 60 % of it failing for 15 minutes an hour before now. A
// Sloth SLO on it is measured through PromQL.
const MIN = 60_000;
const now = Math.floor(Date.now() / MIN) * MIN - 10 * MIN;
const { outage, history, sloth } = checkoutOutage(now);

let prometheus: RunningPrometheus;

beforeAll(async () => {
  prometheus = await startBackfilledPrometheus(history);
  // prod's own Prometheus, as a team with one per cluster names it (the shared UPTRUST_PROMETHEUS_URL is
  // slo-rules-export.integration.test.ts's).
  delete process.env.UPTRUST_PROMETHEUS_URL;
  process.env.UPTRUST_PROMETHEUS_URLS = `prod=${prometheus.url}`;
  const db = getPool();
  await db.query("TRUNCATE clusters, mttr_weeks CASCADE");
  const { rows: [c] } = await db.query<{ id: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('prod', 'https://prod', 'connected', $1) RETURNING id`, [new Date(now)]);
  await db.query(`INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, available_replicas) VALUES ($1, 'shop', 'Deployment', 'checkout', 'u1', 2, 2)`, [c.id]);
  expect(await importSloFile(sloth)).toMatchObject({ ok: true });
}, 60_000);
afterAll(async () => {
  await prometheus?.stop();
  await disconnectPrisma();
  await closePools();
});

describe("an imported Sloth SLO measured by a real Prometheus", () => {
  it("reads the outage's failed requests into its budget and raises one ErrorRate incident over the outage", async () => {
    expect((await runAnalysisCycle(new Date(now))).filter((o) => !o.ok)).toEqual([]);
    const db = getPool();
    const [status] = (await db.query<{ sli: number; burn_rate_1h: number; explanation: string }>(
      `SELECT st.sli, st.burn_rate_1h, st.explanation FROM slo_status st JOIN slos s ON s.id = st.slo_id WHERE s.name = 'requests-availability'`,
    )).rows;
    // 15 minutes at 60 % failing of 3 hours: 5 % of requests failed.
    expect(status.sli).toBeGreaterThan(0.945);
    expect(status.sli).toBeLessThan(0.955);
    expect(status.explanation).toMatch(/^checkout's requests-availability SLO /);
    const incidents = (await db.query<{ reason: string; started_at: Date; resolved_at: Date | null }>(`SELECT reason, started_at, resolved_at FROM incidents`)).rows;
    expect(incidents.map((i) => i.reason)).toEqual(["ErrorRate"]);
    expect(Math.abs(incidents[0].started_at.getTime() - outage.from)).toBeLessThanOrEqual(2 * MIN);
    expect(Math.abs(incidents[0].resolved_at!.getTime() - outage.to)).toBeLessThanOrEqual(2 * MIN);
  });

  it("says which query Prometheus refused, and keeps measuring the other SLOs", async () => {
    await getPool().query(`UPDATE slos SET sli_query = jsonb_set(sli_query, '{total}', '"sum(rate(http_requests_total[1m]"') WHERE name = 'requests-availability'`);
    await getPool().query(`DELETE FROM sli_samples`);
    const outcomes = await runAnalysisCycle(new Date(now + MIN));
    const rollup = outcomes.find((o) => o.job === "rollup-sli");
    expect(rollup?.ok).toBe(true);
    expect(rollup?.detail).toMatch(/not measured: checkout\/requests-availability: Prometheus refused sum\(rate\(http_requests_total\[1m\]: /);
    // The SLO's card says so too, from when it began, until the query is measured again.
    const card = (await getSloCards()).find((c) => c.name === "requests-availability");
    expect(card?.sliSource).toMatchObject({ kind: "failing", since: new Date(now + MIN).toISOString(), message: expect.stringMatching(/^Prometheus refused sum\(rate\(http_requests_total\[1m\]: /) });
    await runAnalysisCycle(new Date(now + 2 * MIN));
    expect((await getSloCards()).find((c) => c.name === "requests-availability")?.sliSource).toMatchObject({ kind: "failing", since: new Date(now + MIN).toISOString(), seenAt: new Date(now + 2 * MIN).toISOString() });
    await getPool().query(`UPDATE slos SET sli_query = jsonb_set(sli_query, '{total}', '"sum(rate(http_requests_total{job=\\"checkout\\"}[{{.window}}]))"') WHERE name = 'requests-availability'`);
    await runAnalysisCycle(new Date(now + 3 * MIN));
    expect((await getSloCards()).find((c) => c.name === "requests-availability")?.sliSource).toEqual({ kind: "answering" });
  });

  it("a Sloth raw SLI reads its error ratio a minute at a time: the window's SLI is the mean of the minutes'", async () => {
    const raw = `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata: { name: checkout-ratio }
spec:
  service: shop/checkout
  slos:
    - name: error-ratio
      objective: 99
      sli:
        raw:
          errorRatioQuery: sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}])) / sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
`;
    expect(await importSloFile(raw)).toMatchObject({ ok: true, slos: [{ name: "error-ratio", created: true }] });
    expect((await runAnalysisCycle(new Date(now + 4 * MIN))).filter((o) => !o.ok)).toEqual([]);
    const [status] = (await getPool().query<{ sli: number }>(`SELECT st.sli FROM slo_status st JOIN slos s ON s.id = st.slo_id WHERE s.name = 'error-ratio'`)).rows;
    // 15 of some 180 measured minutes at a 60 % error ratio: a mean of 5 %.
    expect(status.sli).toBeGreaterThan(0.945);
    expect(status.sli).toBeLessThan(0.955);
  });
});
