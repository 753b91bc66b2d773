import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { getCockpit } from "@/lib/db/queries/get-cockpit.ts";
import { getIncident } from "@/lib/db/queries/get-incident.ts";
import { getMttxIncidents } from "@/lib/db/queries/get-mttx-incidents.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import { sloState } from "@/lib/domain/slo-order.ts";
import type { Cockpit } from "@/lib/views/cockpit.ts";
import { runAnalysisCycle } from "./run-analysis-cycle.ts";

// What the cockpit says about incidents must agree with itself: an SLO card that pages has an open
// incident beside it, a recurring OOM kill is one card with its occurrences, and no incident is detected
// before it started or after it was over. Facts as the ingest worker stores them, analysed by the real cycle.
const MIN = 60_000;
const now = new Date(Date.UTC(2026, 10, 25, 16, 0));
const at = (minutes: number) => new Date(now.getTime() + minutes * MIN);
const KILLS = [-300, -240, -180, -120, -60, -10];

async function q<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await getPool().query<T>(sql, params)).rows;
}

async function workload(clusterId: string, name: string, desired: number): Promise<string> {
  const [w] = await q<{ id: string }>(
    `INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, available_replicas, ready_replicas, updated_replicas)
     VALUES ($1, 'shop', 'Deployment', $2, $2 || '-uid', $3, $3, $3, $3) RETURNING id`,
    [clusterId, name, desired],
  );
  await q(`INSERT INTO workload_status VALUES ($1, $2, $3, $3, $3, $3)`, [w.id, at(-600), desired]);
  return w.id;
}

// `available` of `desired` replicas from `from` until `to` (cluster minutes from now), then all back.
async function lost(workloadId: string, desired: number, available: number, from: number, to: number) {
  await q(`INSERT INTO workload_status VALUES ($1, $2, $3, $4, $4, $3), ($1, $5, $3, $3, $3, $3)`, [workloadId, at(from), desired, available, at(to)]);
}

async function seed() {
  await q(`TRUNCATE clusters, mttr_weeks CASCADE`);
  const [{ id: c }] = await q<{ id: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('demo', 'https://127.0.0.1:6443', 'connected', $1) RETURNING id`, [now]);
  // api lost every replica for two minutes, three minutes ago: its availability SLO pages at once,
  // though missing replicas alone open an incident only after five minutes.
  await lost(await workload(c, "api", 3), 3, 0, -5, -3);
  // cart lost every replica for ten minutes, over 25 minutes ago: its page outlasts the outage.
  await lost(await workload(c, "cart", 3), 3, 0, -35, -25);
  // reports is OOM-killed about hourly: 0/1 for a minute at each kill, kubelet's BackOff as it restarts,
  // and the container's status keeps the latest kill.
  const reports = await workload(c, "reports", 1);
  for (const [i, k] of KILLS.entries()) {
    await lost(reports, 1, 0, k, k + 1);
    await q(`INSERT INTO k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, count, first_seen, last_seen)
             VALUES ($1, $2, 'shop', 'Pod', 'reports-5d4f-qqqqq', 'BackOff', 'Back-off restarting failed container reports', 'Warning', 1, $3, $3)`, [c, `backoff-${i}`, at(k + 0.2)]);
  }
  const [{ id: pod }] = await q<{ id: string }>(
    `INSERT INTO pods (cluster_id, namespace, name, uid, workload_kind, workload_name, phase, created_at, started_at) VALUES ($1, 'shop', 'reports-5d4f-qqqqq', 'rq-uid', 'Deployment', 'reports', 'Running', $2, $2) RETURNING id`,
    [c, at(-600)],
  );
  await q(`INSERT INTO containers (pod_id, name, image, ready, state, last_termination_reason, last_terminated_at, restart_count) VALUES ($1, 'reports', 'reports:0.9.3', true, 'running', 'OOMKilled', $2, 6)`, [pod, at(KILLS.at(-1)!)]);
}

let cockpit: Cockpit;
beforeAll(async () => {
  await seed();
  // The cycle runs twice, 24 cluster-minutes apart as in the 720x demo replay: nothing it stamps may move.
  for (const t of [at(-24), now]) expect((await runAnalysisCycle(t)).filter((o) => !o.ok)).toEqual([]);
  cockpit = await getCockpit(EVERYTHING, now);
});
afterAll(async () => {
  await disconnectPrisma();
  await closePools();
});

describe("incidents on the cockpit agree with the rest of it", () => {
  it("every SLO card in PAGE state has an open incident for its workload on the cockpit", () => {
    const paging = cockpit.slos.filter((s) => sloState(s) === "page");
    expect(paging.map((s) => s.workload.name).sort()).toEqual(["api", "cart", "reports"]);
    const open = cockpit.incidents.filter((i) => i.active);
    for (const slo of paging) expect(open.map((i) => i.workload?.name), `${slo.workload.name} pages`).toContain(slo.workload.name);
  });

  it("an OOM kill six times in five hours is one incident card with its occurrences, not six", () => {
    const cards = cockpit.incidents.filter((i) => i.workload?.name === "reports");
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ reason: "OOMKilled", occurrences: { count: 6, firstAt: at(KILLS[0]).toISOString(), lastAt: at(KILLS.at(-1)!).toISOString() } });
  });

  it("tells each occurrence on the incident's timeline", async () => {
    const id = cockpit.incidents.find((i) => i.workload?.name === "reports")!.id;
    const occurrences = (await getIncident(id, now))!.timeline.filter((e) => e.kind === "occurrence");
    expect(occurrences.map((e) => e.ts)).toEqual(KILLS.map((k) => at(k).toISOString()));
  });

  it("each incident on the cockpit names the most likely cause its own page lists first", async () => {
    const named = cockpit.incidents.filter((i) => i.likelyCause !== null);
    expect(named.length).toBeGreaterThan(0);
    for (const i of cockpit.incidents) expect(i.likelyCause, i.title).toBe((await getIncident(i.id, now))!.causes[0]?.title ?? null);
  });

  it("no incident is detected before it started or after it was over, and none took longer to detect than to resolve", async () => {
    const stored = await q<{ title: string; started_at: Date; detected_at: Date; resolved_at: Date | null }>(`SELECT title, started_at, detected_at, resolved_at FROM incidents`);
    expect(stored.length).toBeGreaterThanOrEqual(3);
    for (const i of stored) {
      expect(i.detected_at.getTime(), i.title).toBeGreaterThanOrEqual(i.started_at.getTime());
      if (i.resolved_at) expect(i.detected_at.getTime(), i.title).toBeLessThanOrEqual(i.resolved_at.getTime());
    }
    const { incidents } = await getMttxIncidents(now);
    for (const i of incidents) if (i.seconds.mttr !== null) expect(i.seconds.mttd!, i.title).toBeLessThanOrEqual(i.seconds.mttr);
  });

  it("detects the first kill when it happened, not when the analyzer first ran 4.6 hours later", async () => {
    const [reports] = await q<{ started_at: Date; detected_at: Date }>(`SELECT started_at, detected_at FROM incidents WHERE title LIKE 'reports%'`);
    expect(reports.detected_at.getTime() - reports.started_at.getTime()).toBeLessThan(MIN);
  });

  // Last: it moves the clock on an hour, when no SLO pages any more.
  it("MTTx counts the recurring incident once, resolved when its last occurrence recovered", async () => {
    const open = (await getMttxIncidents(now)).incidents.filter((i) => i.title.startsWith("reports"));
    // Open while its SLO still pages (the 6-hour rule's 30-minute window still holds the last kill).
    expect(open.map((i) => i.seconds.mttr)).toEqual([null]);
    expect((await runAnalysisCycle(at(60))).filter((o) => !o.ok)).toEqual([]);
    const { incidents } = await getMttxIncidents(at(60));
    const reports = incidents.filter((i) => i.title.startsWith("reports"));
    expect(reports).toHaveLength(1);
    expect(reports[0].seconds.mttr).toBe((KILLS.at(-1)! + 1 - KILLS[0]) * 60);
    expect((await getCockpit(EVERYTHING, at(60))).slos.filter((s) => sloState(s) === "page")).toEqual([]);
  });

  // After the hour above: a late fact moves the first kill, so the next cycle groups it differently.
  it("a rebuilt timeline tells each occurrence once, dropping what an earlier cycle's grouping told", async () => {
    const [{ id: reports }] = await q<{ id: string }>(`SELECT id FROM workloads WHERE name = 'reports'`);
    // The ingest worker catches up on a replica count it had missed: reports was down 30 s before the first kill.
    await q(`INSERT INTO workload_status VALUES ($1, $2, 1, 0, 0, 1)`, [reports, at(KILLS[0] - 0.5)]);
    expect((await runAnalysisCycle(at(61))).filter((o) => !o.ok)).toEqual([]);
    const card = (await getCockpit(EVERYTHING, at(61))).incidents.find((i) => i.workload?.name === "reports")!;
    const occurrences = (await getIncident(card.id, at(61)))!.timeline.filter((e) => e.kind === "occurrence");
    const starts = [KILLS[0] - 0.5, ...KILLS.slice(1)].map((k) => at(k).toISOString());
    expect(occurrences.map((e) => e.ts)).toEqual(starts);
    expect(occurrences.map((e) => e.title.split(":")[0])).toEqual(starts.map((_, i) => `Occurrence ${i + 1} of 6`));
    expect(card.occurrences).toMatchObject({ count: 6, firstAt: starts[0], lastAt: starts.at(-1) });
  });
});
