import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceBudgetCharges } from "@/lib/db/analyze/budget-charges.ts";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools } from "@/lib/db/pool.ts";
import { FIXTURE_CLUSTER_TIME, seedCockpitFixture } from "@/lib/db/queries/cockpit-fixture.ts";
import { getCockpit } from "@/lib/db/queries/get-cockpit.ts";
import { getRecommendationRows, readRecommendationHeadlines } from "@/lib/db/queries/get-recommendation-rows.ts";
import { readSloCards } from "@/lib/db/queries/get-slo-cards.ts";
import { assembleCockpit } from "@/lib/domain/cockpit-assembly.ts";
import { getIncident } from "@/lib/db/queries/get-incident.ts";
import { getSloDetail } from "@/lib/db/queries/get-slo-detail.ts";
import { attributeBudget, describeCharge } from "@/lib/domain/budget-attribution.ts";
import type { ClusterSummary } from "@/lib/domain/cluster-summary.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import { allowedBadEvents, DAY_MS, MINUTE_MS } from "@/lib/domain/slo.ts";

// What the strip says about a cluster, checked against the detail pages its figures link to, on the
// cockpit fixture (the read model's own rows) with the checkout rollout charged as the evaluator charges it.

let client: pg.Client;
let ids: Awaited<ReturnType<typeof seedCockpitFixture>>;
let prod: ClusterSummary;
const at = (minutes: number) => FIXTURE_CLUSTER_TIME.getTime() + minutes * MINUTE_MS;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("TRUNCATE clusters, users CASCADE");
  await client.query("TRUNCATE mttr_weeks");
  ids = await seedCockpitFixture(client);
  // The rollout of checkout 25 minutes before its six bad minutes (11:05–11:10, one replica of three down).
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO changes (cluster_id, workload_id, kind, revision, summary, before, after, observed_at)
     SELECT w.cluster_id, w.id, 'template', '7', 'image shop/checkout:1.4.2 → 1.5.0', '{}', '{}', $1 FROM workloads w WHERE w.name = 'checkout'
     RETURNING id`,
    [new Date(at(-85))],
  );
  const minutes = Array.from({ length: 6 }, (_, i) => ({ ts: at(-85 + 25 + i), good: 2, total: 3 }));
  const allowed = allowedBadEvents({ good: 24 * 60 * 3 - 6, total: 24 * 60 * 3 }, 0.999, DAY_MS, 30 * DAY_MS);
  const change = { id: rows[0].id, observedAt: at(-85), summary: "image shop/checkout:1.4.2 → 1.5.0", kind: "template", revision: "7" };
  const charges = attributeBudget(minutes, [change], 0.999, allowed).map((c) => ({ ...c, description: describeCharge(c, "checkout") }));
  await replaceBudgetCharges([{ sloId: ids.sloCheckout, charges }], FIXTURE_CLUSTER_TIME);
  const { summaries } = await getCockpit(EVERYTHING, new Date("2030-01-01T00:00:00Z"));
  prod = summaries.find((x) => x.cluster === "prod-eu")!;
});

afterAll(async () => {
  await client.end();
  await disconnectPrisma();
  await closePools();
});

describe("the summary strip and the detail pages it links to", () => {
  it("counts and names from the SLOs' headlines exactly what whole cards would give", async () => {
    const cockpit = await getCockpit(EVERYTHING, new Date("2030-01-01T00:00:00Z"));
    const fromCards = assembleCockpit({ ...cockpit, slos: await readSloCards(EVERYTHING) });
    const sloFigures = (x: typeof cockpit) => x.summaries.map((s) => ({ cluster: s.cluster, slos: s.slos, budget: s.budget }));
    expect(sloFigures(cockpit)).toEqual(sloFigures(fromCards));
    expect(sloFigures(cockpit)[0].budget.topChange).not.toBeNull();
    expect(cockpit.sloCounts).toEqual(fromCards.sloCounts);
    expect(cockpit.slos.map((s) => s.id)).toEqual(fromCards.slos.map((s) => s.id));
  });

  it("totals, counts and orders suggestions from their headlines exactly as whole rows would", async () => {
    const cockpit = await getCockpit(EVERYTHING, new Date("2030-01-01T00:00:00Z"));
    const rows = await getRecommendationRows(EVERYTHING);
    const fromRows = assembleCockpit({ ...cockpit, recommendations: rows });
    expect(cockpit.recommendations.length).toBeGreaterThan(0);
    expect(cockpit.recommendations).toEqual(fromRows.recommendations);
    expect(cockpit.rightsizingTotals).toEqual(fromRows.rightsizingTotals);
    const savings = (x: typeof cockpit) => x.summaries.map((s) => ({ cluster: s.cluster, savings: s.savings, suggestions: s.suggestions }));
    expect(savings(cockpit)).toEqual(savings(fromRows));
    const headlines = await readRecommendationHeadlines(EVERYTHING);
    expect(headlines).toEqual(rows.map((r) => Object.fromEntries(Object.keys(headlines[0]).map((k) => [k, r[k as keyof typeof r]]))));
  });

  it("spends the budget the SLO page leaves, and names the change its charge table puts first", async () => {
    const detail = (await getSloDetail(ids.sloCheckout))!;
    const { evaluation } = detail.slo;
    if (evaluation.kind !== "evaluated") throw new Error("checkout's SLO is not evaluated");
    expect(prod.budget.mostSpent?.sloId).toBe(ids.sloCheckout);
    expect(prod.budget.mostSpent?.spent).toBeCloseTo(1 - evaluation.budgetRemaining, 12);
    expect(prod.budget.topChange?.description).toBe(detail.charges[0].description);
    expect(prod.budget.topChange?.description).toMatch(/^rollout 7 of checkout \(image shop\/checkout:1\.4\.2 → 1\.5\.0\) spent/);
  });

  it("ages the oldest open incident as its page does, with its severity", async () => {
    const detail = (await getIncident(ids.activeIncident))!;
    expect(prod.incidents.oldest).toEqual({ id: ids.activeIncident, title: detail.incident.title, openSeconds: detail.incident.durationSeconds });
    expect(prod.incidents.bySeverity).toEqual([{ severity: detail.incident.severity, count: 1 }]);
  });

  it("counts the SLO the SLO page shows paging", async () => {
    const detail = (await getSloDetail(ids.sloCheckout))!;
    expect(detail.slo.evaluation).toMatchObject({ kind: "evaluated", alert: "page" });
    expect(prod.slos).toMatchObject({ paging: 1, healthy: 1 });
  });
});
