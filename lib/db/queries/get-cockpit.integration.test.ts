import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools } from "@/lib/db/pool.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import { FIXTURE_CLUSTER_TIME, seedCockpitFixture } from "./cockpit-fixture.ts";
import { getCockpit } from "./get-cockpit.ts";
import { getHealth } from "./get-health.ts";
import { getIncident } from "./get-incident.ts";
import type { Cockpit } from "@/lib/views/cockpit.ts";

let client: pg.Client;
let ids: Awaited<ReturnType<typeof seedCockpitFixture>>;
let cockpit: Cockpit;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("TRUNCATE clusters, users CASCADE");
  await client.query("TRUNCATE mttr_weeks");
  ids = await seedCockpitFixture(client);
  cockpit = await getCockpit(EVERYTHING, new Date("2030-01-01T00:00:00Z"));
});

afterAll(async () => {
  await client.end();
  await disconnectPrisma();
  await closePools();
});

describe("the cockpit read model", () => {
  it("measures time on the cluster's clock, not the server's", () => {
    expect(cockpit.asOf).toBe(FIXTURE_CLUSTER_TIME.toISOString());
    expect(cockpit.clusters.map((c) => [c.name, c.status])).toEqual([["prod-eu", "connected"], ["staging", "unreachable"]]);
    expect(cockpit.clusters[1].lastError).toContain("ECONNREFUSED");
  });

  it("says who ingests each cluster, how far behind, and what an outage cost", () => {
    expect(cockpit.clusters[0].summary).toBe("ingesting by ingest-0/17, 0 s behind");
    expect(cockpit.clusters[1].summary).toBe(
      "the API server cannot be reached by ingest-1/23: pods: connect ECONNREFUSED 10.0.0.5:6443; retrying; 12 facts could not be stored during database outages",
    );
  });

  it("puts the paging SLO first with its status and explanation", () => {
    expect(cockpit.slos).toHaveLength(2);
    const [checkout] = cockpit.slos;
    expect(checkout.workload).toEqual({ namespace: "shop", name: "checkout", kind: "Deployment" });
    expect(checkout.target).toBe(0.999);
    expect(checkout.evaluation).toMatchObject({ kind: "evaluated", budgetRemaining: 0.625, burnRate1h: 14.4, alert: "page", explanation: expect.stringMatching(/14.4× faster/) });
  });

  it("computes the hourly burn over the last 24 cluster-hours from the per-minute samples", () => {
    const series = cockpit.slos[0].hourlyBurn;
    expect(series).toHaveLength(24);
    expect(series[0].hour).toBe("2026-11-24T13:00:00.000Z");
    expect(series[23].hour).toBe("2026-11-25T12:00:00.000Z");
    const byHour = Object.fromEntries(series.map((p) => [p.hour.slice(11, 13), p.burn]));
    // Six minutes with one replica of three down: error ratio 6/180, ÷ 0.001 budget = 33.3×.
    expect(byHour["11"]).toBeCloseTo(33.333, 2);
    expect(byHour["10"]).toBe(0);
    expect(byHour["12"]).toBe(0);
    expect(cockpit.slos[1].hourlyBurn.every((p) => p.burn === 0)).toBe(true);
  });

  it("lists the open incident first with its first eight timeline entries, then last week's resolved one", () => {
    expect(cockpit.incidents.map((i) => i.id)).toEqual([ids.activeIncident, ids.resolvedIncident]);
    const [open, done] = cockpit.incidents;
    expect(open).toMatchObject({ view: "card", active: true, status: "investigating", timelineCount: 9, durationSeconds: 85 * 60 });
    if (open.view !== "card") throw new Error("the open incident is shown as a card");
    expect(open.timeline).toHaveLength(8);
    expect(open.timeline[0]).toMatchObject({ kind: "change", title: "shop/checkout rolled out revision 7" });
    expect(open.timeline[0].detail).toMatchObject({ revision: "7" });
    expect(done).toMatchObject({ active: false, durationSeconds: 200, reason: "OOMKilled" });
  });

  it("returns MTTR weeks oldest first in seconds", () => {
    expect(cockpit.mttr).toHaveLength(6);
    expect(cockpit.mttr[0]).toEqual({ weekStart: "2026-10-19T00:00:00.000Z", incidents: 4, meanSeconds: 1500, p50Seconds: 900, p90Seconds: 3000 });
  });

  it("converts memory bytes from bigint to number and states savings and missing history", () => {
    const byContainer = Object.fromEntries(cockpit.recommendations.map((r) => [r.container, r]));
    const api = byContainer.api;
    expect(typeof api.current.memoryRequestBytes).toBe("number");
    expect(api.current.memoryRequestBytes).toBe(1024 ** 3);
    expect(api.recommended.memoryRequestBytes).toBe(512 * 1024 ** 2);
    expect(api.savings).toEqual({ cpuCores: 0.25, memoryGiB: 0.5 });
    expect(api.basis).toEqual({ percentile: 95, samples: 16_128, historyHours: 336, oomBump: false });
    expect(byContainer.app).toMatchObject({ enoughHistory: false, savings: { cpuCores: null, memoryGiB: null } });
    expect(byContainer.app.note).toMatch(/Not enough history/);
    expect(byContainer.db.savings.cpuCores).toBe(-0.2);
    expect(JSON.parse(JSON.stringify(cockpit))).toEqual(cockpit);
  });
});

describe("the incident read model", () => {
  it("returns the whole timeline in order and null for an unknown id", async () => {
    const detail = await getIncident(ids.activeIncident);
    expect(detail?.timeline).toHaveLength(9);
    // The event detail names the object it was about, as the analyzer recorded it.
    const backOff = detail?.timeline.find((e) => e.kind === "event" && e.title.startsWith("BackOff"));
    expect(backOff?.kind === "event" && backOff.detail.object).toBe("Pod/checkout-7d9f-abc12");
    expect(detail?.incident.title).toBe("shop/checkout is crash-looping");
    expect(await getIncident("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("reports the database and every cluster in the health check", async () => {
    const health = await getHealth();
    expect(health).toMatchObject({ ok: true, database: "ok" });
    expect(health.clusters.map((c) => [c.name, c.status, c.worker, c.ingestLagMs])).toEqual([
      ["prod-eu", "connected", "ingest-0/17", 400],
      ["staging", "unreachable", "ingest-1/23", null],
    ]);
  });
});
