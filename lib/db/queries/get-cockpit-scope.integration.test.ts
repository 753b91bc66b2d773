import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools } from "@/lib/db/pool.ts";
import { EVERYTHING, parseScope } from "@/lib/domain/scope.ts";
import type { Cockpit } from "@/lib/views/cockpit.ts";
import { specFacts } from "@/lib/k8s/workload-spec-facts.ts";
import { checkGuardrails } from "@/workers/analyze/check-guardrails.ts";
import { computeMttr } from "@/workers/analyze/compute-mttr.ts";
import { FIXTURE_CLUSTER_TIME, seedCockpitFixture } from "./cockpit-fixture.ts";
import { getCockpit } from "./get-cockpit.ts";

// The cockpit narrowed by the scope in its URL. The fixture: prod-eu runs shop/checkout (paging, an
// open crash-loop incident), shop/cart (a resolved OOM kill two days ago, one last month) and
// payments/ledger; staging runs nothing Uptrust has analysed. Guardrails and MTTx are the analyzer's own
// jobs run over the fixture.
let client: pg.Client;
let ids: Awaited<ReturnType<typeof seedCockpitFixture>>;
let everything: Cockpit;
const LATER = new Date("2030-01-01T00:00:00Z");

const scoped = (search: string) => {
  const { scope, problems } = parseScope(new URLSearchParams(search));
  expect(problems).toEqual([]);
  return getCockpit(scope, LATER);
};

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("TRUNCATE clusters, users CASCADE");
  await client.query("TRUNCATE mttr_weeks, mttx_stats");
  ids = await seedCockpitFixture(client);
  // Pod templates as ingest records them: one container with no probes and no security context.
  const facts = (name: string) => specFacts({ containers: [{ name, image: `example/${name}:1`, resources: { requests: { cpu: "100m" } } }] }, { app: name });
  for (const name of ["checkout", "cart", "ledger"]) {
    await client.query(`UPDATE workloads SET spec_facts = $2 WHERE name = $1`, [name, JSON.stringify(facts(name))]);
  }
  await checkGuardrails({ id: ids.clusterId, name: "prod-eu" }, FIXTURE_CLUSTER_TIME);
  await computeMttr(FIXTURE_CLUSTER_TIME);
  everything = await getCockpit(EVERYTHING, LATER);
});

afterAll(async () => {
  await client.end();
  await disconnectPrisma();
  await closePools();
});

describe("the cockpit narrowed to clusters", () => {
  it("shows only the chosen cluster's chip and what runs there", async () => {
    const staging = await scoped("cluster=staging");
    expect(staging.clusters.map((c) => c.name)).toEqual(["staging"]);
    expect([staging.slos, staging.incidents, staging.recommendations, staging.guardrails.findings]).toEqual([[], [], [], []]);
    expect(staging.guardrails.totalFindings).toBe(0);
    expect(staging.mttx).toEqual([]);
  });

  it("keeps every SLO, incident and suggestion of a cluster that holds them all", async () => {
    const prod = await scoped("cluster=prod-eu");
    expect(prod.clusters.map((c) => c.name)).toEqual(["prod-eu"]);
    expect(prod.slos.map((s) => s.id)).toEqual(everything.slos.map((s) => s.id));
    expect(prod.incidents).toEqual(everything.incidents);
    expect(prod.recommendations).toEqual(everything.recommendations);
    expect(prod.guardrails).toEqual(everything.guardrails);
  });
});

describe("the cockpit narrowed to namespaces and a service", () => {
  it("a namespace keeps its own workloads' SLOs, suggestions, findings and scores", async () => {
    const payments = await scoped("ns=payments");
    expect(payments.slos).toEqual([]);
    expect(payments.incidents).toEqual([]);
    expect(payments.recommendations.map((r) => `${r.namespace}/${r.workload}`)).toEqual(["payments/ledger"]);
    expect(payments.guardrails.findings.length).toBeGreaterThan(0);
    expect(new Set(payments.guardrails.findings.map((f) => f.namespace))).toEqual(new Set(["payments"]));
    expect(payments.guardrails.scores.map((s) => s.namespace)).toEqual(["payments"]);
  });

  it("a service search matches part of a workload's name, whatever its case", async () => {
    const checkout = await scoped("q=CHECK");
    expect(checkout.slos.map((s) => s.workload.name)).toEqual(["checkout"]);
    expect(checkout.incidents.map((i) => i.id)).toEqual([ids.activeIncident]);
    expect(checkout.recommendations.map((r) => r.workload)).toEqual(["checkout"]);
    expect(checkout.guardrails.findings.length).toBeGreaterThan(0);
    expect(checkout.guardrails.findings.every((f) => f.target.includes("checkout"))).toBe(true);
    // Its MTTx is its own incidents': the open crash-loop has been detected but not resolved.
    expect(checkout.mttx.filter((r) => r.grouping === "service").map((r) => r.groupKey)).toEqual(["shop/checkout"]);
    expect(checkout.mttx.some((r) => r.metric === "mttr")).toBe(false);
  });

  it("namespaces and a search narrow together", async () => {
    const none = await scoped("ns=payments&q=checkout");
    expect([none.slos, none.incidents, none.recommendations]).toEqual([[], [], []]);
  });
});

describe("the cockpit over a time range", () => {
  it("lists the incidents going on during the last hour, not the one resolved two days ago", async () => {
    const hour = await scoped("range=1h");
    expect(hour.incidents.map((i) => i.id)).toEqual([ids.activeIncident]);
    const lastWeek = await scoped("range=7d");
    expect(lastWeek.incidents.map((i) => i.id)).toEqual([ids.activeIncident, ids.resolvedIncident]);
  });

  it("a fixed span in the past shows what happened then, not what is open now", async () => {
    const then = await scoped("from=2026-11-23T11:00&to=2026-11-23T14:00");
    expect(then.incidents.map((i) => i.id)).toEqual([ids.resolvedIncident]);
  });

  it("draws the SLO burn over the range: two hours for the last hour, 4-hour buckets over a week", async () => {
    const hour = await scoped("range=1h&q=checkout");
    expect(hour.slos[0].hourlyBurn.map((p) => p.hour)).toEqual(["2026-11-25T11:00:00.000Z", "2026-11-25T12:00:00.000Z"]);
    // Six minutes of one replica in three down at 11:05–11:10: 6/180 bad ÷ 0.001 budget = 33.3× that hour.
    expect(hour.slos[0].hourlyBurn[0].burn).toBeCloseTo(33.333, 2);
    const week = await scoped("range=7d&q=checkout");
    expect(week.slos[0].hourlyBurn).toHaveLength(43);
    // The 08:00–12:00 bucket holds those six minutes among 240: 6/720 bad ÷ 0.001 = 8.3×.
    expect(week.slos[0].hourlyBurn.find((p) => p.hour === "2026-11-25T08:00:00.000Z")?.burn).toBeCloseTo(8.333, 2);
  });

  it("keeps each SLO's status and budget over its own window, whatever the range", async () => {
    const hour = await scoped("range=15m");
    expect(hour.slos.map((s) => s.evaluation)).toEqual(everything.slos.map((s) => s.evaluation));
  });

  it("shows the MTTR weeks that overlap the range", async () => {
    const week = await scoped("range=7d");
    expect(week.mttr.map((w) => w.weekStart)).toEqual(["2026-11-16T00:00:00.000Z", "2026-11-23T00:00:00.000Z"]);
  });
});

describe("the unscoped cockpit", () => {
  it("is what an empty query string asks for", async () => {
    expect(await scoped("")).toEqual(everything);
  });
});
