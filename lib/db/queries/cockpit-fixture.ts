import type pg from "pg";
import { upsertTimelineEntries } from "@/lib/db/analyze/upsert-timeline-entries.ts";
import { buildTimeline } from "@/lib/domain/incident-timeline.ts";

// Test and demo data for the cockpit (integration test, local screenshots). Never imported by the app.
// Everything is placed relative to one cluster time so the windows on screen are predictable.
export const FIXTURE_CLUSTER_TIME = new Date("2026-11-25T12:30:00Z");

type Q = Pick<pg.ClientBase, "query">;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
const MIB = 1024 ** 2;

async function one<T>(db: Q, sql: string, params: unknown[]): Promise<T> {
  const { rows } = await db.query(sql, params);
  return rows[0] as T;
}

async function workload(db: Q, clusterId: string, ns: string, name: string, kind = "Deployment"): Promise<string> {
  const r = await one<{ id: string }>(db,
    `INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, ready_replicas, available_replicas)
     VALUES ($1, $2, $3::"WorkloadKind", $4, gen_random_uuid()::text, 3, 3, 3) RETURNING id`, [clusterId, ns, kind, name]);
  return r.id;
}

// Per-minute SLI samples for the 24 hours before `now`; `bad(minute)` returns good replicas of 3.
async function samples(db: Q, sloId: string, now: Date, good: (t: Date) => number): Promise<void> {
  const ts: string[] = [];
  const goods: number[] = [];
  for (let m = -24 * 60; m < 0; m++) {
    const t = at(now, m);
    ts.push(t.toISOString());
    goods.push(good(t));
  }
  await db.query(
    `INSERT INTO sli_samples (slo_id, ts, good, total) SELECT $1, t, g, 3 FROM unnest($2::timestamptz[], $3::float8[]) AS u(t, g)`,
    [sloId, ts, goods],
  );
  // The analyzer keeps each hour's sums beside its minutes (lib/db/analyze/sli-samples.ts); so does the fixture.
  await db.query(
    `INSERT INTO sli_hours (slo_id, hour, good, total, first_ts, counted_ts)
     SELECT slo_id, date_trunc('hour', ts), sum(good), sum(total), min(ts), min(ts) FILTER (WHERE total > 0) FROM sli_samples WHERE slo_id = $1 GROUP BY 1, 2`,
    [sloId],
  );
}

export async function seedCockpitFixture(db: Q, now = FIXTURE_CLUSTER_TIME) {
  const prod = await one<{ id: string }>(db,
    `INSERT INTO clusters (name, server, status, last_event_at, last_sync_at, ingest_lag_ms)
     VALUES ('prod-eu', 'https://prod-eu:6443', 'connected', $1, now(), 400) RETURNING id`, [now]);
  const staging = await one<{ id: string }>(db,
    `INSERT INTO clusters (name, server, status, last_event_at, last_error, last_sync_at, dropped_rows)
     VALUES ('staging', 'https://staging:6443', 'unreachable', $1, 'pods: connect ECONNREFUSED 10.0.0.5:6443', now(), 12) RETURNING id`, [at(now, -120)]);
  // A worker holds each, as a live ingest would (heartbeat just now, lease running).
  await db.query(
    `INSERT INTO ingest_leases (cluster_id, holder, expires_at) VALUES ($1, 'ingest-0/17', now() + interval '1 hour'), ($2, 'ingest-1/23', now() + interval '1 hour')`,
    [prod.id, staging.id]);
  const checkout = await workload(db, prod.id, "shop", "checkout");
  const cart = await workload(db, prod.id, "shop", "cart");
  const ledger = await workload(db, prod.id, "payments", "ledger", "StatefulSet");

  const sloCheckout = await one<{ id: string }>(db,
    `INSERT INTO slos (workload_id, name, target, window_days) VALUES ($1, 'availability', 0.999, 30) RETURNING id`, [checkout]);
  const sloCart = await one<{ id: string }>(db,
    `INSERT INTO slos (workload_id, name, target, window_days) VALUES ($1, 'availability', 0.995, 30) RETURNING id`, [cart]);
  // checkout: one replica of three down for 11:05–11:10 (six minutes) → that hour burns 33.3×.
  await samples(db, sloCheckout.id, now, (t) => (t.getUTCHours() === 11 && t.getUTCMinutes() >= 5 && t.getUTCMinutes() <= 10 ? 2 : 3));
  await samples(db, sloCart.id, now, () => 3);
  await db.query(
    `INSERT INTO slo_status (slo_id, computed_at, sli, budget_remaining, burn_rate_1h, burn_rate_6h, burn_rate_30d, alert, explanation) VALUES
     ($1, $3, 0.99925, 0.625, 14.4, 6.1, 0.38, 'page', 'checkout is spending its error budget 14.4× faster than sustainable over the last hour; at this pace the 30-day budget lasts 2 days.'),
     ($2, $3, 1, 0.98, 0, 0.2, 0.02, NULL, 'cart is well within its budget.')`,
    [sloCheckout.id, sloCart.id, now]);

  const active = await one<{ id: string }>(db,
    `INSERT INTO incidents (cluster_id, workload_id, fingerprint, title, reason, severity, status, started_at, detected_at)
     VALUES ($1, $2, 'prod-eu/Deployment/shop/checkout/CrashLoopBackOff', 'shop/checkout is crash-looping', 'CrashLoopBackOff', 'sev2', 'investigating', $3, $4)
     RETURNING id`, [prod.id, checkout, at(now, -85), at(now, -84)]);
  const resolved = await one<{ id: string }>(db,
    `INSERT INTO incidents (cluster_id, workload_id, fingerprint, title, reason, severity, status, started_at, detected_at, resolved_at)
     VALUES ($1, $2, 'prod-eu/Deployment/shop/cart/OOMKilled', 'shop/cart was OOM-killed', 'OOMKilled', 'sev3', 'resolved', $3, $4, $5)
     RETURNING id`, [prod.id, cart, at(now, -2 * 1440), at(now, -2 * 1440 + 1), at(now, -2 * 1440 + 3 + 20 / 60)]);
  await db.query(
    `INSERT INTO incidents (cluster_id, workload_id, fingerprint, title, reason, status, started_at, detected_at, resolved_at)
     VALUES ($1, $2, 'old', 'shop/cart restarted last month', 'OOMKilled', 'resolved', $3, $3, $4)`,
    [prod.id, cart, at(now, -9 * 1440), at(now, -9 * 1440 + 10)]);

  // The timelines are what the analyzer builds from facts like these (its own functions, not hand-made rows).
  const ms = (minutes: number) => at(now, minutes).getTime();
  const pod = (name: string) => ({ involvedKind: "Pod", involvedName: name });
  const checkoutTimeline = buildTimeline({
    startedAt: ms(-85),
    endAt: now.getTime(),
    changes: [{
      id: "rev-7", observedAt: ms(-88), summary: "shop/checkout rolled out revision 7", revision: "7",
      before: { containers: [{ name: "api", image: "shop/checkout:1.4.2", env: ["DB_URL"] }] },
      after: { containers: [{ name: "api", image: "shop/checkout:1.5.0", env: ["DB_URL", "FEATURE_FLAGS"] }] },
    }],
    events: [
      { uid: "ev-pulled", reason: "Pulled", type: "Normal", ...pod("checkout-7d9f-abc12"), message: "Successfully pulled image shop/checkout:1.5.0", count: 1, firstSeen: ms(-86), lastSeen: ms(-86) },
      { uid: "ev-backoff", reason: "BackOff", type: "Warning", ...pod("checkout-7d9f-abc12"), message: "Back-off restarting failed container api in pod checkout-7d9f-abc12", count: 40, firstSeen: ms(-85), lastSeen: ms(-10) },
      { uid: "ev-unhealthy", reason: "Unhealthy", type: "Warning", ...pod("checkout-7d9f-def34"), message: "Readiness probe failed: connection refused", count: 30, firstSeen: ms(-75), lastSeen: ms(-12) },
    ],
    logs: [
      { pod: "checkout-7d9f-abc12", container: "api", ts: ms(-85), seq: 0, level: "error", message: "panic: FEATURE_FLAGS is not valid JSON\n  at config.load (config.go:42)" },
      { pod: "checkout-7d9f-def34", container: "api", ts: ms(-80), seq: 0, level: "error", message: "panic: FEATURE_FLAGS is not valid JSON" },
    ],
    statuses: [{ ts: ms(-85), desired: 3, available: 2 }, { ts: ms(-70), desired: 3, available: 1 }],
    sloAlerts: [{ from: ms(-66), to: ms(-60), detail: "availability SLO paged: burning 14.4× over 1 h (rule 14.4×)" }],
  });
  await upsertTimelineEntries(active.id, checkoutTimeline, db);
  const cartTimeline = buildTimeline({
    startedAt: ms(-2 * 1440),
    endAt: ms(-2 * 1440 + 3 + 20 / 60),
    changes: [],
    events: [{ uid: "ev-oom", reason: "OOMKilling", type: "Warning", involvedKind: "Node", involvedName: "node-a", message: "Memory cgroup out of memory: Killed process 4242 (app)", count: 1, firstSeen: ms(-2 * 1440), lastSeen: ms(-2 * 1440) }],
    logs: [],
    statuses: [],
  });
  await upsertTimelineEntries(resolved.id, cartTimeline, db);

  const weeks = [[4, 1500, 900, 3000], [6, 1260, 700, 2400], [3, 960, 600, 2100], [5, 840, 420, 1800], [2, 600, 300, 1200], [3, 480, 200, 960]];
  for (const [i, [n, mean, p50, p90]] of weeks.entries()) {
    const week = new Date(Date.UTC(2026, 9, 19 + 7 * i));
    await db.query(
      `INSERT INTO mttr_weeks (week_start, incidents, mean_seconds, p50_seconds, p90_seconds, computed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [week, n, mean, p50, p90, now]);
  }

  await db.query(
    `INSERT INTO recommendations (workload_id, container, current_cpu_request_millis, current_memory_request_bytes, current_memory_limit_bytes,
       cpu_request_millis, memory_request_bytes, memory_limit_bytes, basis, computed_at) VALUES
     ($1, 'api', 500, $4, $4, 250, $5, $5, $7, $9),
     ($2, 'app', 200, $5, $5, 200, $5, $5, $8, $9),
     ($3, 'db', 1000, $5, $5, 1200, $6, $6, $10, $9)`,
    [checkout, cart, ledger, 1024 * MIB, 512 * MIB, 768 * MIB,
      JSON.stringify({ cpuPercentile: 95, sampleCount: 16_128, historyHours: 336, oomBump: 0 }),
      JSON.stringify({ cpuPercentile: 95, sampleCount: 40, historyHours: 1, oomBump: 0 }),
      now,
      JSON.stringify({ cpuPercentile: 95, sampleCount: 8_000, historyHours: 168, oomBump: 0.25 })]);

  return { clusterId: prod.id, sloCheckout: sloCheckout.id, sloCart: sloCart.id, activeIncident: active.id, resolvedIncident: resolved.id };
}
