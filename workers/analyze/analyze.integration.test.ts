import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollupUsage } from "@/lib/db/ingest/rollup-usage.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { getMttxIncidents } from "@/lib/db/queries/get-mttx-incidents.ts";
import { getPostmortem } from "@/lib/db/queries/get-postmortem.ts";
import { getSloDetail } from "@/lib/db/queries/get-slo-detail.ts";
import { getSloHistory } from "@/lib/db/queries/get-slo-history.ts";
import { getSloMinutes } from "@/lib/db/queries/get-slo-minutes.ts";
import { formatPercent } from "@/components/format.ts";
import { coverageNote, coverageText } from "@/lib/domain/burn-coverage.ts";
import { formatBurn } from "@/lib/domain/burn-rate.ts";
import type { SloCardData } from "@/lib/views/slo.ts";
import { runAnalysisCycle } from "./run-analysis-cycle.ts";

// The demo story, as facts the ingest worker would have stored, analysed once and then again.
const MIN = 60_000;
const base = Date.UTC(2026, 10, 25, 8, 0); // a Wednesday; cluster time
const at = (minutes: number) => new Date(base + minutes * MIN);
const now = at(240); // 12:00, four hours of history
const MIB = 1024 * 1024;
// The analyzer's evaluation a card shows; these tests read SLOs the cycle has evaluated.
function evaluated({ evaluation }: SloCardData) {
  if (evaluation.kind !== "evaluated") throw new Error("the SLO waits for its first evaluation");
  return evaluation;
}

async function q<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await getPool().query<T>(sql, params)).rows;
}

async function workload(clusterId: string, ns: string, name: string, desired: number): Promise<string> {
  const [w] = await q<{ id: string }>(
    `INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, available_replicas, ready_replicas, updated_replicas)
     VALUES ($1, $2, 'Deployment', $3, $3 || '-uid', $4, $4, $4, $4) RETURNING id`,
    [clusterId, ns, name, desired],
  );
  return w.id;
}

async function status(workloadId: string, ts: Date, desired: number, available: number) {
  await q(`INSERT INTO workload_status VALUES ($1, $2, $3, $4, $4, $3)`, [workloadId, ts, desired, available]);
}

async function pod(clusterId: string, ns: string, name: string, workloadName: string, opts: { deletedAt?: Date; createdAt?: Date } = {}): Promise<string> {
  const [p] = await q<{ id: string }>(
    `INSERT INTO pods (cluster_id, namespace, name, uid, workload_kind, workload_name, phase, created_at, started_at, deleted_at)
     VALUES ($1, $2, $3, $3 || '-uid', 'Deployment', $4, 'Running', $5, $5, $6) RETURNING id`,
    [clusterId, ns, name, workloadName, opts.createdAt ?? at(-600), opts.deletedAt ?? null],
  );
  return p.id;
}

async function seedDemo(): Promise<void> {
  await q(`TRUNCATE clusters, mttr_weeks CASCADE`);
  const [cluster] = await q<{ id: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('demo', 'https://127.0.0.1:6443', 'connected', $1) RETURNING id`, [now]);
  const c = cluster.id;

  // checkout: 1.4.2 → 1.5.0 at 10:00, new pods crash-loop, 3/4 available for 20 minutes, rolled back at 10:21.
  const checkout = await workload(c, "shop", "checkout", 4);
  await status(checkout, at(-600), 4, 4);
  await status(checkout, at(121), 4, 3);
  await status(checkout, at(141), 4, 4);
  await q(`INSERT INTO changes (cluster_id, workload_id, revision, summary, before, after, observed_at) VALUES
    ($1, $2, '7', 'image checkout: registry.example.com/shop/checkout:1.4.2 → 1.5.0', '{"image":"1.4.2"}', '{"image":"1.5.0"}', $3),
    ($1, $2, '8', 'image checkout: registry.example.com/shop/checkout:1.5.0 → 1.4.2', '{"image":"1.5.0"}', '{"image":"1.4.2"}', $4)`, [c, checkout, at(120), at(140)]);
  for (const name of ["checkout-6b7c9-aaaaa", "checkout-6b7c9-bbbbb", "checkout-6b7c9-ccccc"]) {
    const podId = await pod(c, "shop", name, "checkout");
    await q(`INSERT INTO containers (pod_id, name, image, request_cpu_millis, request_memory_bytes, ready, state) VALUES ($1, 'checkout', 'checkout:1.4.2', 250, $2, true, 'running')`, [podId, 256 * MIB]);
  }
  const crashing = await pod(c, "shop", "checkout-7f8d2-zzzzz", "checkout", { createdAt: at(120), deletedAt: at(141) });
  await q(`INSERT INTO containers (pod_id, name, image, state, state_reason, last_termination_reason, last_terminated_at, restart_count)
           VALUES ($1, 'checkout', 'checkout:1.5.0', 'waiting', 'CrashLoopBackOff', 'Error', $2, 6)`, [crashing, at(139)]);
  await q(`INSERT INTO k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, count, first_seen, last_seen) VALUES
    ($1, 'ev-pull', 'shop', 'Pod', 'checkout-7f8d2-zzzzz', 'Pulled', 'Successfully pulled image checkout:1.5.0', 'Normal', 1, $2, $2),
    ($1, 'ev-backoff', 'shop', 'Pod', 'checkout-7f8d2-zzzzz', 'BackOff', 'Back-off restarting failed container checkout', 'Warning', 14, $3, $4)`,
    [c, at(120.5), at(122), at(140)]);
  await q(`INSERT INTO log_lines (cluster_id, namespace, pod, container, ts, seq, level, message) VALUES
    ($1, 'shop', 'checkout-7f8d2-zzzzz', 'checkout', $2, 0, 'error', 'config: PAYMENT_GATEWAY_URL is not set'),
    ($1, 'shop', 'checkout-7f8d2-zzzzz', 'checkout', $2, 1, 'info', 'shutting down')`, [c, at(121.5)]);

  // reports: one replica, OOMKilled at 11:30, 0/1 for two minutes.
  const reports = await workload(c, "shop", "reports", 1);
  await status(reports, at(-600), 1, 1);
  await status(reports, at(210), 1, 0);
  await status(reports, at(212), 1, 1);
  const reportsPod = await pod(c, "shop", "reports-5d4f-qqqqq", "reports");
  await q(`INSERT INTO containers (pod_id, name, image, request_cpu_millis, request_memory_bytes, limit_memory_bytes, ready, state, last_termination_reason, last_terminated_at, restart_count)
           VALUES ($1, 'reports', 'reports:2.0', 100, $2, $2, true, 'running', 'OOMKilled', $3, 3)`, [reportsPod, 512 * MIB, at(210)]);

  // frontend: healthy, requests 500m / 1 GiB, uses ~60m / ~200 MiB, one sample a minute for four hours.
  const frontend = await workload(c, "shop", "frontend", 2);
  await status(frontend, at(-600), 2, 2);
  for (const name of ["frontend-7c-aaaaa", "frontend-7c-bbbbb"]) {
    const podId = await pod(c, "shop", name, "frontend");
    await q(`INSERT INTO containers (pod_id, name, image, request_cpu_millis, request_memory_bytes, limit_memory_bytes, ready, state) VALUES ($1, 'frontend', 'frontend:3.1', 500, $2, $2, true, 'running')`, [podId, 1024 * MIB]);
  }
  const minutes = Array.from({ length: 241 }, (_, i) => i);
  await q(
    `INSERT INTO usage_samples (cluster_id, namespace, pod, container, workload_kind, workload_name, ts, cpu_millis, memory_bytes)
     SELECT $1, 'shop', 'frontend-7c-aaaaa', 'frontend', 'Deployment', 'frontend', to_timestamp(($2::bigint + m * 60000) / 1000.0),
            55 + (m % 11), (200 + (m % 7)) * 1048576 FROM unnest($3::int[]) AS m`,
    [c, base, minutes],
  );
  // An HPA scales frontend (2–6 replicas on 70 % CPU), as in the shop scenarios.
  await q(`INSERT INTO kube_objects (cluster_id, api_version, kind, namespace, name, uid, spec, updated_at)
           VALUES ($1, 'autoscaling/v2', 'HorizontalPodAutoscaler', 'shop', 'frontend', 'hpa-frontend-uid', $2, $3)`,
    [c, JSON.stringify({ scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "frontend" }, minReplicas: 2, maxReplicas: 6,
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }] }), at(-600)]);
  // checkout asks for 250m / 256 MiB and uses ~30m / ~100 MiB: a downsizing its burning SLO must hold.
  await q(
    `INSERT INTO usage_samples (cluster_id, namespace, pod, container, workload_kind, workload_name, ts, cpu_millis, memory_bytes)
     SELECT $1, 'shop', 'checkout-6b7c9-aaaaa', 'checkout', 'Deployment', 'checkout', to_timestamp(($2::bigint + m * 60000) / 1000.0),
            25 + (m % 9), (100 + (m % 5)) * 1048576 FROM unnest($3::int[]) AS m`,
    [c, base, minutes],
  );
  // Ingest rolls raw usage up into 5-minute buckets; right-sizing reads only those.
  await rollupUsage(getPool(), c);
}

async function counts() {
  const [row] = await q<Record<string, number>>(`SELECT
    (SELECT count(*)::int FROM slos) AS slos, (SELECT count(*)::int FROM sli_samples) AS sli_samples,
    (SELECT count(*)::int FROM slo_status) AS slo_status, (SELECT count(*)::int FROM incidents) AS incidents,
    (SELECT count(*)::int FROM timeline_entries) AS timeline_entries, (SELECT count(*)::int FROM mttr_weeks) AS mttr_weeks,
    (SELECT count(*)::int FROM recommendations) AS recommendations`);
  return row;
}

describe("one analysis cycle over the demo story", () => {
  beforeAll(async () => {
    await seedDemo();
    const outcomes = await runAnalysisCycle();
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
  });
  afterAll(async () => {
    await closePools();
  });

  it("checkout's SLO shows budget spent and a non-zero burn", async () => {
    const [s] = await q<{ budget_remaining: number; burn_rate_6h: number; burn_rate_30d: number; explanation: string }>(
      `SELECT st.* FROM slo_status st JOIN slos s ON s.id = st.slo_id JOIN workloads w ON w.id = s.workload_id WHERE w.name = 'checkout'`,
    );
    expect(s.budget_remaining).toBeLessThan(1);
    expect(s.burn_rate_6h).toBeGreaterThan(0);
    expect(s.burn_rate_30d).toBeGreaterThan(0);
    expect(s.explanation).toMatch(/^checkout is burning its 30-day error budget .* faster than sustainable over the last /);
  });

  it("checkout's spent budget is charged to rollout 7, not to the rollback that ended it, and reads as such on the SLO page", async () => {
    const charges = await q<{ description: string; spent: number; revision: string; intervals: { from: string; to: string }[] }>(
      `SELECT b.description, b.spent, c.revision, b.intervals FROM budget_charges b JOIN slos s ON s.id = b.slo_id JOIN workloads w ON w.id = s.workload_id
         JOIN changes c ON c.id = b.change_id WHERE w.name = 'checkout' AND s.name = 'availability' ORDER BY b.position`,
    );
    expect(charges.map((c) => c.revision)).toEqual(["7"]);
    const [status] = await q<{ budget_remaining: number }>(`SELECT st.budget_remaining FROM slo_status st JOIN slos s ON s.id = st.slo_id JOIN workloads w ON w.id = s.workload_id WHERE w.name = 'checkout'`);
    // All of the budget spent so far was spent by that one rollout.
    expect(charges[0].spent).toBeCloseTo(1 - status.budget_remaining, 6);
    expect(charges[0].description).toMatch(/^rollout 7 of checkout \(image checkout: .*1\.4\.2 → 1\.5\.0\) spent \d+(\.\d)?% of this window's budget\.$/);
    expect(charges[0].intervals.map((i) => [i.from, i.to])).toEqual([[at(121).toISOString(), at(141).toISOString()]]);
    const [slo] = await q<{ id: string }>(`SELECT s.id FROM slos s JOIN workloads w ON w.id = s.workload_id WHERE w.name = 'checkout' AND s.name = 'availability'`);
    const detail = await getSloDetail(slo.id, now);
    expect(detail?.charges[0].description).toBe(charges[0].description);
    expect(detail?.windows.map((w) => w.burnRate)).toEqual([14.4, 6, 3, 1]);
    // The measured minutes are on the page too, 30 a page, newest first: the last hour all good since the rollback.
    const [first, second] = [await getSloMinutes(slo.id, 1), await getSloMinutes(slo.id, 2)];
    expect([first.rows.length, first.pages]).toEqual([30, Math.ceil(first.total / 30)]);
    expect([...first.rows, ...second.rows].every((m) => m.good === m.total)).toBe(true);
    expect(second.rows[0].ts < first.rows[29].ts).toBe(true);
  });

  it("the SLO page's burn-down ends at the budget its card says is left, and its alert history at the card's alert", async () => {
    const [slo] = await q<{ id: string }>(`SELECT s.id FROM slos s JOIN workloads w ON w.id = s.workload_id WHERE w.name = 'checkout' AND s.name = 'availability'`);
    const detail = (await getSloDetail(slo.id, now))!;
    const history = await getSloHistory(detail.slo);
    if (history.kind !== "ok") throw new Error(history.reason);
    const card = evaluated(detail.slo);
    const last = history.burnDown.filter((p) => p.remaining !== null).at(-1)!;
    expect(last.ts).toBe(card.computedAt);
    expect(last.remaining).toBeCloseTo(card.budgetRemaining, 12);
    expect(formatPercent(last.remaining!)).toBe(formatPercent(card.budgetRemaining));
    expect(history.burnDown[0].remaining).toBe(1);
    // The rollout's 20 bad minutes paged, and the page cleared after the rollback: none fires now, as the card says.
    const pages = history.alerts.filter((a) => a.severity === "page");
    expect(pages.length).toBeGreaterThan(0);
    expect(pages[0].from > at(121).toISOString() && pages[0].from <= at(141).toISOString()).toBe(true);
    const open = history.alerts.filter((a) => a.to === null).map((a) => a.severity);
    expect(open.includes("page") ? "page" : open.includes("ticket") ? "ticket" : null).toBe(card.alert);
    // The chart draws the rules the card's table judged, at the rates the domain derives.
    expect(history.rules.map((r) => r.burnRate)).toEqual(detail.windows.map((w) => w.burnRate));
    expect(history.rules.map((r) => r.points.at(-1)!.long ?? 0)).toEqual(detail.windows.map((w) => w.longBurn));
  });

  it("a new install reads one burn on every window: checkout's 20 bad minutes burn alike on the 6 h, 1 d, 3 d and 30 d lines, the sentence and the card", async () => {
    const [slo] = await q<{ id: string }>(`SELECT s.id FROM slos s JOIN workloads w ON w.id = s.workload_id WHERE w.name = 'checkout' AND s.name = 'availability'`);
    const detail = (await getSloDetail(slo.id, now))!;
    const st = evaluated(detail.slo);
    const [, sixHours, day, threeDays] = detail.windows;
    const whole = st.lines[2];
    // The history began 14 h ago: the 1 d, 3 d and 30 d windows hold the same measured minutes, so the same burn.
    expect(whole).toMatchObject({ label: "30d", coveredMs: 14 * 3_600_000 });
    expect([day.longBurn, threeDays.longBurn, st.burnRate30d].map(formatBurn)).toEqual([formatBurn(whole.burn), formatBurn(whole.burn), formatBurn(whole.burn)]);
    expect(sixHours.longBurn).toBeCloseTo(st.burnRate6h, 9);
    expect(st.explanation).toContain(`${formatBurn(day.longBurn)} faster than sustainable over the last day (history covers 14 h of it)`);
    expect(detail.windows.map((w) => coverageText({ windowMs: w.longWindowMs, coveredMs: w.longCoveredMs! }))).toEqual([
      "covers all of 1 h", "covers all of 6 h", "covers 14 h of 1 d", "covers 14 h of 3 d",
    ]);
    expect(coverageNote(st.lines)).toBe("History covers 14 h of 30 d; each rate is over the minutes measured.");
    // The 30 d line and the budget bar agree: 14 h at that burn spent burn × 14 h ÷ 30 d of the budget.
    expect(1 - st.budgetRemaining).toBeCloseTo((whole.burn * whole.coveredMs) / whole.windowMs, 9);
  });

  it("checkout's incident spent no more of the budget than the SLO page says the window spent, and all of it when it spans every bad minute", async () => {
    const [incident] = await q<{ id: string; started_at: Date; resolved_at: Date }>(
      `SELECT i.id, i.started_at, i.resolved_at FROM incidents i JOIN workloads w ON w.id = i.workload_id WHERE w.name = 'checkout'`,
    );
    const md = (await getPostmortem(incident.id, now))!;
    const [slo] = await q<{ id: string }>(`SELECT s.id FROM slos s JOIN workloads w ON w.id = s.workload_id WHERE w.name = 'checkout' AND s.name = 'availability'`);
    const spent = 1 - evaluated((await getSloDetail(slo.id, now))!.slo).budgetRemaining;
    const line = md.split("\n").find((l) => l.startsWith("- availability"))!;
    const [incidentShare, windowShare] = [...line.matchAll(/(\d+\.\d)% /g)].map((m) => Number(m[1]) / 100);
    expect(windowShare).toBeCloseTo(spent, 3);
    // The incident ran 10:01–10:21, every bad minute of the window: its share is the window's whole spend,
    // the 46 % the SLO page shows (divided by the events measured so far it read as a burn of thousands of %).
    expect([incident.started_at.toISOString(), incident.resolved_at.toISOString()]).toEqual([at(121).toISOString(), at(141).toISOString()]);
    expect(incidentShare).toBeCloseTo(spent, 3);
  });

  it("the bad rollout is one resolved checkout incident whose timeline shows the image change before the first BackOff", async () => {
    const incidents = await q<{ id: string; title: string; status: string; fingerprint: string; started_at: Date; resolved_at: Date }>(
      `SELECT i.* FROM incidents i JOIN workloads w ON w.id = i.workload_id WHERE w.name = 'checkout'`,
    );
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident.title).toBe("checkout is crash-looping (CrashLoopBackOff)");
    expect(incident.fingerprint).toBe("demo/Deployment/shop/checkout/CrashLoopBackOff");
    expect(incident.status).toBe("resolved");
    expect(incident.resolved_at.getTime()).toBeGreaterThanOrEqual(at(140).getTime());

    const timeline = await q<{ kind: string; title: string; ts: Date }>(`SELECT kind, title, ts FROM timeline_entries WHERE incident_id = $1 ORDER BY ts, kind`, [incident.id]);
    const change = timeline.findIndex((e) => e.kind === "change" && e.title.includes("1.4.2 → 1.5.0"));
    const firstBackOff = timeline.findIndex((e) => e.kind === "event" && e.title.startsWith("BackOff"));
    expect(change).toBeGreaterThanOrEqual(0);
    expect(firstBackOff).toBeGreaterThan(change);
    expect(timeline.some((e) => e.kind === "log" && e.title.includes("PAYMENT_GATEWAY_URL"))).toBe(true);
    expect(timeline.some((e) => e.kind === "log" && e.title === "shutting down")).toBe(false);
  });

  it("reports' OOM kill is its own incident, blamed on memory", async () => {
    const [incident] = await q<{ reason: string; status: string }>(`SELECT i.* FROM incidents i JOIN workloads w ON w.id = i.workload_id WHERE w.name = 'reports'`);
    expect(incident).toMatchObject({ reason: "OOMKilled", status: "resolved" });
  });

  it("the week has an MTTR figure", async () => {
    const weeks = await q<{ week_start: Date; incidents: number; p50_seconds: number; p90_seconds: number }>(`SELECT * FROM mttr_weeks`);
    expect(weeks).toHaveLength(1);
    expect(weeks[0].week_start.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(weeks[0].incidents).toBe(2);
    expect(weeks[0].p90_seconds).toBeGreaterThan(0);
    // The MTTx page lists the incidents behind the figure, each with its own time to resolve.
    const { incidents } = await getMttxIncidents(now);
    const stored = await q<{ id: string; started_at: Date; resolved_at: Date }>(`SELECT id, started_at, resolved_at FROM incidents`);
    expect(incidents.map((i) => i.id).sort()).toEqual(stored.map((i) => i.id).sort());
    for (const i of stored) expect(incidents.find((x) => x.id === i.id)?.seconds.mttr).toBe((i.resolved_at.getTime() - i.started_at.getTime()) / 1000);
  });

  type StoredRecommendation = { strategy: string; cpu_request_millis: number; memory_request_bytes: number; memory_limit_bytes: number; replicas: number; held: boolean; held_reason: string | null; basis: Record<string, unknown> };
  const recommendationsOf = (workload: string) =>
    q<StoredRecommendation>(`SELECT r.* FROM recommendations r JOIN workloads w ON w.id = r.workload_id WHERE w.name = $1 ORDER BY r.strategy`, [workload]);

  it("frontend gets KRR and VPA recommendations side by side that lower CPU and memory, with the percentile and rollups they used", async () => {
    const [krr, vpa] = await recommendationsOf("frontend");
    expect([krr.strategy, vpa.strategy]).toEqual(["krr-simple", "vpa"]);
    for (const r of [krr, vpa]) {
      expect(r.cpu_request_millis).toBeLessThan(500);
      expect(r.memory_request_bytes).toBeLessThan(1024 * MIB);
      expect(r.memory_limit_bytes).toBe(r.memory_request_bytes);
      expect(r.held).toBe(false);
    }
    // Read from the 5-minute rollups: the bucket still open at 12:00 is not rolled up yet, so 240 samples of the 241.
    expect(krr.basis).toMatchObject({ source: "usage_rollups_5m", cpuPercentile: 95, sampleCount: 240, bucketCount: 48, historyHours: 4 });
    expect(krr.cpu_request_millis).toBe(65); // usage 55..65m: the p95 is the top of the range
    expect(vpa.basis).toMatchObject({ source: "usage_rollups_5m", halfLifeHours: 24, cpuPercentiles: { target: 90, lower: 50, upper: 95 }, safetyMargin: 0.15 });
  });

  it("HPA-managed frontend is sized per replica, with the autoscaler's range, target and what a smaller request does to it", async () => {
    for (const r of await recommendationsOf("frontend")) {
      expect(r.replicas).toBe(2);
      expect(r.basis.hpa).toMatchObject({ name: "frontend", minReplicas: 2, maxReplicas: 6, cpuTargetUtilization: 70, currentReplicas: 2 });
      expect(String((r.basis.hpa as { warning: string }).warning)).toMatch(/^Scaled by HorizontalPodAutoscaler frontend \(2–6 replicas, CPU target 70 % of the request\)\. .* Sizes are per replica; savings count the 2 replicas running now\.$/);
    }
  });

  it("checkout's downsizing is held while its availability SLO burns, with the numbers kept", async () => {
    const [burn] = await q<{ burn: number }>(`SELECT greatest(st.burn_rate_1h, st.burn_rate_6h) AS burn FROM slo_status st JOIN slos s ON s.id = st.slo_id JOIN workloads w ON w.id = s.workload_id WHERE w.name = 'checkout' AND s.name = 'availability'`);
    expect(burn.burn).toBeGreaterThan(1);
    const recs = await recommendationsOf("checkout");
    expect(recs).toHaveLength(2);
    for (const r of recs) {
      expect(r.cpu_request_millis).toBeLessThan(250);
      expect(r.held).toBe(true);
      expect(r.held_reason).toMatch(/^held: checkout's availability SLO is burning [\d.]+× — downsizing now would risk it$/);
    }
  });

  it("running the cycle again changes nothing and duplicates nothing", async () => {
    const before = await counts();
    const outcomes = await runAnalysisCycle();
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(await counts()).toEqual(before);
    const again = await runAnalysisCycle(now);
    expect(again.every((o) => o.ok)).toBe(true);
    expect(await counts()).toEqual(before);
  });
});
