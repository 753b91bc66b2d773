import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools } from "@/lib/db/pool.ts";
import { FIXTURE_CLUSTER_TIME, seedCockpitFixture } from "@/lib/db/queries/cockpit-fixture.ts";
import { getCockpit } from "@/lib/db/queries/get-cockpit.ts";
import { getIncidentsInScope } from "@/lib/db/queries/get-incident-summaries.ts";
import { COCKPIT_TOP, RESOLVED_SHOWN } from "@/lib/domain/cockpit-assembly.ts";
import { parseIncidentListQuery } from "@/lib/domain/list-query.ts";
import { pageRangeText } from "@/lib/domain/list-page.ts";
import { incidentList } from "./incident-list.ts";

// /incidents read from PostgreSQL as its page reads it, against the cockpit for the same scope. On top of the
// cockpit fixture (one incident open on checkout, one resolved two days ago, one resolved last month), the fleet
// has 40 more open on prod-eu (every 4th a sev1, every 7th of no workload: a node's) and 30 resolved in the
// last six days on ledger, so the home panel shows only the first of them.
const LATER = new Date("2030-01-01T00:00:00Z");
const minutesAgo = (m: number) => new Date(FIXTURE_CLUSTER_TIME.getTime() - m * 60_000);
let client: pg.Client;

async function seedMore(db: pg.Client) {
  const { rows: [prod] } = await db.query<{ id: string }>(`SELECT id FROM clusters WHERE name = 'prod-eu'`);
  const { rows: [ledger] } = await db.query<{ id: string }>(`SELECT id FROM workloads WHERE name = 'ledger'`);
  for (let n = 0; n < 40; n++) {
    await db.query(
      `INSERT INTO incidents (cluster_id, workload_id, fingerprint, title, reason, severity, status, started_at, detected_at)
       VALUES ($1, $2, $3, $4, 'CrashLoopBackOff', $5, 'triage', $6, $6)`,
      [prod.id, n % 7 === 0 ? null : ledger.id, `open-${n}`, `open ${n}`, n % 4 === 0 ? "sev1" : "sev3", minutesAgo(10 + n * 13)]);
  }
  for (let n = 0; n < 30; n++) {
    await db.query(
      `INSERT INTO incidents (cluster_id, workload_id, fingerprint, title, reason, severity, status, started_at, detected_at, resolved_at)
       VALUES ($1, $2, $3, $4, 'OOMKilled', 'sev2', 'resolved', $5, $5, $6)`,
      [prod.id, ledger.id, `resolved-${n}`, `resolved ${n}`, minutesAgo(60 + n * 280), minutesAgo(30 + n * 280)]);
  }
}

const listPage = async (search: string) => {
  const { scope, state, severity, page, problems } = parseIncidentListQuery(new URLSearchParams(search));
  expect(problems).toEqual([]);
  return incidentList(await getIncidentsInScope(scope, LATER), state, severity, page);
};
const cockpit = (search: string) => getCockpit(parseIncidentListQuery(new URLSearchParams(search)).scope, LATER);

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("TRUNCATE clusters, users CASCADE");
  await client.query("TRUNCATE mttr_weeks");
  await seedCockpitFixture(client);
  await seedMore(client);
});

afterAll(async () => {
  await client.end();
  await disconnectPrisma();
  await closePools();
});

describe("/incidents", () => {
  it.each(["", "cluster=prod-eu", "cluster=staging", "ns=payments", "q=checkout", "range=6h", "range=24h&ns=payments"])(
    "counts open and resolved incidents as the cockpit's panel and strip do for the same scope (%s)",
    async (search) => {
      const [list, home] = await Promise.all([listPage(search), cockpit(search)]);
      expect(list.counts).toEqual(home.incidentCounts);
      expect(list.counts.open).toBe(home.summaries.reduce((n, c) => n + c.incidents.open, 0));
    },
  );

  it("opens on 50 of the 72 incidents of the last week: the 41 open, sev1 and then the longest open first, then the newest resolved", async () => {
    const { list, counts } = await listPage("");
    expect(counts).toEqual({ open: 41, resolved: 31 });
    expect(pageRangeText(list, "incidents")).toBe("incidents 1–50 of 72");
    const open = list.rows.filter((i) => i.active);
    expect(open).toHaveLength(41);
    expect(open.slice(0, 10).every((i) => i.severity === "sev1")).toBe(true);
    const sev1Starts = open.slice(0, 10).map((i) => i.startedAt);
    expect(sev1Starts).toEqual([...sev1Starts].sort());
    const resolvedStarts = list.rows.slice(41).map((i) => i.startedAt);
    expect(resolvedStarts).toEqual([...resolvedStarts].sort().reverse());
    const second = await listPage("page=2");
    expect(second.list.rows.every((i) => !i.active)).toBe(true);
    expect(pageRangeText(second.list, "incidents")).toBe("incidents 51–72 of 72");
  });

  it("starts with the incidents the cockpit shows, which carry timelines only on their cards", async () => {
    const [{ list }, home] = await Promise.all([listPage(""), cockpit("")]);
    const cards = home.incidents.filter((i) => i.view === "card");
    expect(home.incidents.filter((i) => i.active)).toHaveLength(COCKPIT_TOP.incidents);
    expect(cards.filter((i) => !i.active)).toHaveLength(RESOLVED_SHOWN.cards);
    expect(home.incidents.filter((i) => i.view === "line")).toHaveLength(RESOLVED_SHOWN.lines);
    expect(home.incidents.filter((i) => i.active).map((i) => i.id)).toEqual(list.rows.slice(0, COCKPIT_TOP.incidents).map((i) => i.id));
    expect(home.incidents.filter((i) => !i.active).map((i) => i.id)).toEqual(list.rows.slice(41, 41 + 8).map((i) => i.id));
    expect(home.incidents.filter((i) => i.view === "line").some((i) => "timeline" in i)).toBe(false);
    // The strip still names the oldest open incident, far down the list.
    const prod = home.summaries.find((s) => s.cluster === "prod-eu")!;
    expect(prod.incidents.oldest?.title).toBe("open 39");
  });

  it("filters by state and severity, each link counting the rows it lists", async () => {
    const sev1 = await listPage("severity=sev1");
    expect(sev1.counts).toEqual({ open: 10, resolved: 0 });
    expect(sev1.list.total).toBe(10);
    const open = await listPage("state=open&cluster=prod-eu");
    expect(open.list.total).toBe(41);
    expect(open.severities).toEqual([{ severity: "sev1", count: 10 }, { severity: "sev2", count: 1 }, { severity: "sev3", count: 30 }]);
    const resolved = await listPage("state=resolved&severity=sev2");
    expect(resolved.list.rows.every((i) => !i.active && i.severity === "sev2")).toBe(true);
    expect(resolved.list.total).toBe(30);
  });
});
