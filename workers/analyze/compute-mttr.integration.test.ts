import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { getMttxIncidents } from "@/lib/db/queries/get-mttx-incidents.ts";
import { getMttxStats } from "@/lib/db/queries/get-mttx-stats.ts";
import { incidentsOfWeek, mttxWeeks } from "@/lib/domain/mttx-weeks.ts";
import type { MttxMetric } from "@/lib/domain/mttx.ts";
import { mean, percentile } from "@/lib/domain/percentile.ts";
import { computeMttr } from "./compute-mttr.ts";

const MIN = 60_000;
const wed = Date.UTC(2026, 10, 25, 9, 0);
const at = (minutes: number) => new Date(wed + minutes * MIN);
const now = at(3 * 24 * 60);

async function q<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await getPool().query<T>(sql, params)).rows;
}

// Three checkout outages and one of reports; one checkout page was a false alarm and is cancelled.
beforeAll(async () => {
  await q(`TRUNCATE clusters, mttr_weeks, mttx_stats CASCADE`);
  const [{ id: c }] = await q<{ id: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('demo', 'https://x', 'connected', $1) RETURNING id`, [now]);
  const workload = async (name: string) => (await q<{ id: string }>(`INSERT INTO workloads (cluster_id, namespace, kind, name, uid) VALUES ($1, 'shop', 'Deployment', $2, $2) RETURNING id`, [c, name]))[0].id;
  const checkout = await workload("checkout");
  const reports = await workload("reports");
  const incident = (w: string, n: number, status: string, severity: string, start: number, detect: number, ack: number | null, resolve: number | null) =>
    q(`INSERT INTO incidents (cluster_id, workload_id, fingerprint, title, reason, severity, status, started_at, detected_at, acknowledged_at, resolved_at)
       VALUES ($1, $2, $3, 't', 'CrashLoopBackOff', $4, $5::"IncidentStatus", $6, $7, $8, $9)`,
      [c, w, `f${n}`, severity, status, at(start), at(start + detect), ack === null ? null : at(start + ack), resolve === null ? null : at(start + resolve)]);
  await incident(checkout, 1, "closed", "sev2", 0, 2, 5, 30);
  await incident(checkout, 2, "resolved", "sev2", 600, 4, null, 20);
  await incident(checkout, 3, "cancelled", "sev3", 900, 1, 2, 3);
  await incident(reports, 4, "investigating", "sev3", 1200, 6, 16, null);
  await computeMttr(now);
});
afterAll(async () => {
  await closePools();
  await disconnectPrisma();
});

describe("the MTTx job", () => {
  it("writes MTTD, MTTA and MTTR for the week, each counting only incidents where that time exists", async () => {
    const week = (await getMttxStats()).filter((r) => r.grouping === "week");
    expect(week).toEqual([
      { metric: "mtta", grouping: "week", groupKey: "2026-11-23T00:00:00.000Z", incidents: 2, meanSeconds: 390, p50Seconds: 180, p90Seconds: 600 },
      { metric: "mttd", grouping: "week", groupKey: "2026-11-23T00:00:00.000Z", incidents: 3, meanSeconds: 240, p50Seconds: 240, p90Seconds: 360 },
      { metric: "mttr", grouping: "week", groupKey: "2026-11-23T00:00:00.000Z", incidents: 2, meanSeconds: 1500, p50Seconds: 1200, p90Seconds: 1800 },
    ]);
  });

  it("splits by service and severity, leaving the cancelled false alarm out", async () => {
    const rows = await getMttxStats();
    const mttr = rows.filter((r) => r.metric === "mttr" && r.grouping === "service").map((r) => [r.groupKey, r.incidents]);
    expect(mttr).toEqual([["shop/checkout", 2]]);
    const mttd = rows.filter((r) => r.metric === "mttd" && r.grouping === "severity").map((r) => [r.groupKey, r.incidents]);
    expect(mttd).toEqual([["sev2", 2], ["sev3", 1]]);
  });

  it("the MTTx page charts, for every week, the figures the cockpit's panel shows, from the incidents it lists", async () => {
    const stored = (await getMttxStats()).filter((r) => r.grouping === "week");
    const { asOf, incidents } = await getMttxIncidents(now);
    const weeks = mttxWeeks(incidents.map((i) => i.times), Date.parse(asOf));
    for (const row of stored) {
      const week = weeks.find((w) => new Date(w.weekStart).toISOString() === row.groupKey)!;
      const { metric, grouping, groupKey, ...figure } = row;
      expect([metric, grouping, groupKey, week.figures[metric as MttxMetric]]).toEqual([metric, "week", groupKey, figure]);
      // The incidents listed under that week, with the times shown beside them, make that figure.
      const seconds = incidentsOfWeek(incidents, (i) => i.times, week.weekStart, Date.parse(asOf)).flatMap((i) => i.seconds[metric as MttxMetric] ?? []);
      expect([seconds.length, mean(seconds), percentile(seconds, 50), percentile(seconds, 90)]).toEqual([row.incidents, row.meanSeconds, row.p50Seconds, row.p90Seconds]);
    }
    expect(weeks.filter((w) => w.figures.mttd !== null)).toHaveLength(1);
  });

  it("replaces its figures on every run instead of adding to them", async () => {
    const before = await getMttxStats();
    await computeMttr(now);
    expect(await getMttxStats()).toEqual(before);
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM mttr_weeks`))[0].n).toBe(1);
  });
});
