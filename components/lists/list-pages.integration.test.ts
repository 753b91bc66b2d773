import pg from "pg";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools } from "@/lib/db/pool.ts";
import { getCockpit } from "@/lib/db/queries/get-cockpit.ts";
import { getRecommendationRows, readRecommendationHeadlines, readRecommendationRows } from "@/lib/db/queries/get-recommendation-rows.ts";
import { readSloCards, readSloCardsByIds, readSloHeadlines } from "@/lib/db/queries/get-slo-cards.ts";
import { pageRangeText } from "@/lib/domain/list-page.ts";
import { parseRightsizingListQuery, parseSloListQuery } from "@/lib/domain/list-query.ts";
import { sloState } from "@/lib/domain/slo-order.ts";
import { KRR } from "@/lib/domain/rightsizing-totals.ts";
import { byLargestSavings } from "@/lib/domain/rightsizing-order.ts";
import { RightsizingPanel } from "../rightsizing/rightsizing-panel.tsx";
import { pageIds, rightsizingList, withRows } from "./rightsizing-list.ts";
import { pageSloIds, sloList, withCards } from "./slo-list.ts";

// The two full lists read from PostgreSQL as their pages read them. The fleet: prod-eu runs 70 services in
// shop and 20 ledgers in payments, staging 30 services in shop; each has one availability SLO and one
// container sized by KRR and VPA. Every 40th SLO pages, every 20th (from the 10th) tickets, every 17th (from
// the 3rd) waits for its first evaluation; the rest are healthy with budgets spread over 0–99 %.
const NOW = new Date("2026-11-25T12:30:00Z");
const LATER = new Date("2030-01-01T00:00:00Z");
const MIB = 1024 ** 2;
let client: pg.Client;

type Seeded = { cluster: string; namespace: string; name: string };
const FLEET: Seeded[] = [
  ...Array.from({ length: 70 }, (_, i) => ({ cluster: "prod-eu", namespace: "shop", name: `svc-${String(i).padStart(3, "0")}` })),
  ...Array.from({ length: 20 }, (_, i) => ({ cluster: "prod-eu", namespace: "payments", name: `ledger-${String(i).padStart(2, "0")}` })),
  ...Array.from({ length: 30 }, (_, i) => ({ cluster: "staging", namespace: "shop", name: `svc-${100 + i}` })),
];
const alertOf = (i: number) => (i % 40 === 0 ? "page" : i % 20 === 10 ? "ticket" : null);
const waits = (i: number) => alertOf(i) === null && i % 17 === 3;

async function seed(db: pg.Client) {
  const clusters = new Map<string, string>();
  for (const name of ["prod-eu", "staging"]) {
    const { rows } = await db.query(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ($1, $2, 'connected', $3) RETURNING id`, [name, `https://${name}:6443`, NOW]);
    clusters.set(name, rows[0].id);
  }
  for (const [i, w] of FLEET.entries()) {
    const { rows: [workload] } = await db.query(
      `INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas) VALUES ($1, $2, 'Deployment', $3, gen_random_uuid()::text, 2) RETURNING id`,
      [clusters.get(w.cluster), w.namespace, w.name]);
    const { rows: [slo] } = await db.query(`INSERT INTO slos (workload_id, name, target, window_days) VALUES ($1, 'availability', 0.999, 30) RETURNING id`, [workload.id]);
    if (!waits(i)) {
      await db.query(
        `INSERT INTO slo_status (slo_id, computed_at, sli, budget_remaining, burn_rate_1h, burn_rate_6h, burn_rate_30d, alert, explanation)
         VALUES ($1, $2, 0.9995, $3, $4, $5, 0.5, $6, 'seeded')`,
        [slo.id, NOW, ((i * 37) % 100) / 100, alertOf(i) === "page" ? 14.4 : 0.4, alertOf(i) === "ticket" ? 3 : 0.2, alertOf(i)]);
    }
    if (i === 5) await db.query(`INSERT INTO sli_source_errors (slo_id, message, since, seen_at) VALUES ($1, 'metrics API unreachable', $2, $2)`, [slo.id, NOW]);
    // KRR gives back a different share of one core per container; every 13th container's KRR suggestion is held (its SLO burns), container 1's VPA one.
    const cpu = 1000 - ((i * 7) % 900);
    for (const strategy of ["krr-simple", "vpa"]) {
      const held = strategy === "krr-simple" ? i % 13 === 0 : i === 1;
      await db.query(
        `INSERT INTO recommendations (workload_id, container, strategy, current_cpu_request_millis, current_memory_request_bytes, current_memory_limit_bytes,
           cpu_request_millis, memory_request_bytes, memory_limit_bytes, held, held_reason, basis, computed_at)
         VALUES ($1, 'app', $2, 1000, $3, $3, $4, $5, $5, $6, $7, '{}', $8)`,
        [workload.id, strategy, 512 * MIB, strategy === "vpa" ? cpu + 50 : cpu, 256 * MIB, held, held ? "its SLO burns 3× over 6 h" : null, NOW]);
    }
  }
}

// As app/slos/page.tsx reads it: every SLO's headline, then whole cards for the page shown.
const sloPage = async (search: string) => {
  const { scope, alert, page, problems } = parseSloListQuery(new URLSearchParams(search));
  expect(problems).toEqual([]);
  const view = sloList(await readSloHeadlines(scope), alert, page);
  return withCards(view, await readSloCardsByIds(pageSloIds(view)));
};
// As app/rightsizing/page.tsx reads it: every suggestion's headline, then whole rows for the page shown.
const rightsizingPage = async (search: string) => {
  const { scope, held, page, problems } = parseRightsizingListQuery(new URLSearchParams(search));
  expect(problems).toEqual([]);
  const view = rightsizingList(await readRecommendationHeadlines(scope), held, page);
  return withRows(view, await readRecommendationRows(pageIds(view)));
};
const cockpit = (search: string) => getCockpit(parseSloListQuery(new URLSearchParams(search)).scope, LATER);

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("TRUNCATE clusters, users CASCADE");
  await seed(client);
});

afterAll(async () => {
  await client.end();
  await disconnectPrisma();
  await closePools();
});

describe("/slos", () => {
  it("opens on the 50 most troubled SLOs of 120: the 3 paging, then the 6 ticketing, then the least budget left", async () => {
    const { list } = await sloPage("");
    expect(pageRangeText(list, "rows")).toBe("rows 1–50 of 120");
    const states = list.rows.map(sloState);
    expect(states.slice(0, 9)).toEqual(["page", "page", "page", "ticket", "ticket", "ticket", "ticket", "ticket", "ticket"]);
    const budgets = list.rows.slice(9).map((s) => (s.evaluation.kind === "evaluated" ? s.evaluation.budgetRemaining : 1));
    expect(budgets).toEqual([...budgets].sort((a, b) => a - b));
  });

  it("lists the SLOs in the cockpit's own order, without reading the burn charts", async () => {
    const [all, home] = await Promise.all([sloPage(""), cockpit("")]);
    // The home panel opens with the first of them, in the same order.
    expect(home.slos.length).toBeGreaterThan(0);
    expect(all.list.rows.slice(0, home.slos.length).map((s) => s.id)).toEqual(home.slos.map((s) => s.id));
    expect(all.list.rows.every((s) => s.hourlyBurn.length === 0)).toBe(true);
    expect(home.slos[0].hourlyBurn.length).toBeGreaterThan(0);
  });

  it.each(["", "cluster=staging", "cluster=prod-eu&ns=payments", "q=svc-1", "alert=ticket&ns=shop"])(
    "counts each state as the cockpit's strip does for the same scope (%s)",
    async (search) => {
      const [list, home] = await Promise.all([sloPage(search), cockpit(search)]);
      expect(list.counts).toEqual(home.sloCounts);
      const strip = home.summaries.map((c) => c.slos);
      for (const key of ["paging", "ticketing", "healthy", "waiting"] as const) expect(list.counts[key]).toBe(strip.reduce((n, c) => n + c[key], 0));
    },
  );

  it("narrows to the scope: a cluster, a namespace, part of a workload's name", async () => {
    const staging = await sloPage("cluster=staging");
    expect(staging.list.total).toBe(30);
    expect(new Set(staging.list.rows.map((s) => s.cluster))).toEqual(new Set(["staging"]));
    const payments = await sloPage("ns=payments");
    expect(payments.list.rows.map((s) => s.workload.name).sort()).toEqual(FLEET.filter((w) => w.namespace === "payments").map((w) => w.name));
    const search = await sloPage("q=SVC-12");
    expect(search.list.rows.map((s) => s.workload.name).sort()).toEqual(["svc-120", "svc-121", "svc-122", "svc-123", "svc-124", "svc-125", "svc-126", "svc-127", "svc-128", "svc-129"]);
  });

  it("filters by state while the counts keep speaking of the whole scope", async () => {
    const [tickets, all] = await Promise.all([sloPage("alert=ticket&cluster=prod-eu"), sloPage("cluster=prod-eu")]);
    expect(tickets.counts).toEqual(all.counts);
    expect(tickets.list.total).toBe(all.counts.ticketing);
    expect(tickets.list.rows.map(sloState)).toEqual(Array(all.counts.ticketing).fill("ticket"));
    const waiting = await sloPage("alert=waiting");
    expect(waiting.list.rows.length).toBe(FLEET.filter((_, i) => waits(i)).length);
    expect(waiting.list.rows.every((s) => s.evaluation.kind === "waiting")).toBe(true);
  });

  it.each(["", "page=2", "alert=healthy&page=2", "cluster=prod-eu&ns=payments", "alert=waiting"])(
    "shows from headlines exactly the page whole cards would give (%s)",
    async (search) => {
      const { scope, alert, page } = parseSloListQuery(new URLSearchParams(search));
      expect(await sloPage(search)).toEqual(sloList(await readSloCards(scope), alert, page));
    },
  );

  it("names the SLO whose source fails, with the time it stopped being measured", async () => {
    const { list } = await sloPage("q=svc-005");
    expect(list.rows[0].sliSource).toMatchObject({ kind: "failing", message: "metrics API unreachable", since: NOW.toISOString() });
  });

  it("pages through the rest 50 at a time, and a page past the end shows the last one", async () => {
    const third = await sloPage("page=3");
    expect(pageRangeText(third.list, "rows")).toBe("rows 101–120 of 120");
    const pages = await Promise.all([1, 2, 3].map((p) => sloPage(`page=${p}`)));
    expect(new Set(pages.flatMap((p) => p.list.rows.map((s) => s.id))).size).toBe(120);
    const past = await sloPage("page=7");
    expect([past.list.page, past.list.pastEnd, past.list.rows.map((s) => s.id)]).toEqual([3, 7, third.list.rows.map((s) => s.id)]);
  });
});

describe("/rightsizing", () => {
  it("opens on the 50 containers whose KRR suggestion is worth most, held ones after", async () => {
    const { list, counts } = await rightsizingPage("");
    expect(counts.all).toBe(120);
    expect(pageRangeText(list, "containers")).toBe("containers 1–50 of 120");
    const worth = list.rows.map((g) => g.krr!.monthly.total!);
    expect(worth).toEqual([...worth].sort((a, b) => b - a));
    expect(list.rows.every((g) => !g.krr!.held)).toBe(true);
    const last = (await rightsizingPage("page=3")).list.rows;
    expect(last.slice(-10).every((g) => g.krr!.held)).toBe(true);
  });

  it.each(["", "page=2", "held=1", "ns=payments&page=3"])("shows from headlines exactly the page whole rows would give (%s)", async (search) => {
    const { scope, held, page } = parseRightsizingListQuery(new URLSearchParams(search));
    expect(await rightsizingPage(search)).toEqual(rightsizingList(await getRecommendationRows(scope), held, page));
  });

  it("shows one row per container with both strategies, in the home panel's order", async () => {
    const [{ list }, rows] = await Promise.all([rightsizingPage("cluster=staging"), getRecommendationRows(parseSloListQuery(new URLSearchParams("cluster=staging")).scope)]);
    const order = byLargestSavings(rows).filter((r) => r.strategy === KRR).map((r) => r.id);
    expect(list.rows.map((g) => g.krr!.id)).toEqual(order);
    expect(list.rows.every((g) => g.vpa !== null && g.vpa.workload === g.krr!.workload)).toBe(true);
  });

  it.each(["", "ns=payments", "cluster=staging&q=svc-12"])("totals every suggestion of the scope as the home panel does (%s)", async (search) => {
    const [page2, home] = await Promise.all([rightsizingPage(`${search}&page=2`), cockpit(search)]);
    const panel = renderToStaticMarkup(createElement(RightsizingPanel, { rows: home.recommendations, totals: home.rightsizingTotals, allHref: "/rightsizing" }));
    expect(page2.totals).not.toBeNull();
    expect(panel).toContain(page2.totals!.replace(/&/g, "&amp;"));
  });

  it("held=1 keeps the containers one of whose suggestions is held, however it ranks", async () => {
    const held = await rightsizingPage("held=1");
    const expected = FLEET.filter((_, i) => i % 13 === 0 || i === 1).map((w) => w.name).sort();
    expect(held.counts.held).toBe(expected.length);
    expect(held.list.rows.map((g) => g.first.workload).sort()).toEqual(expected);
    expect(held.totals).toBe((await rightsizingPage("")).totals);
  });

  it("narrows to the scope and pages through it", async () => {
    const payments = await rightsizingPage("ns=payments");
    expect(payments.list.rows.map((g) => g.first.namespace)).toEqual(Array(20).fill("payments"));
    const third = await rightsizingPage("page=3");
    expect(pageRangeText(third.list, "containers")).toBe("containers 101–120 of 120");
    expect((await rightsizingPage("page=9")).list.pastEnd).toBe(9);
  });
});
