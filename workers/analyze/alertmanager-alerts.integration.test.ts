import { createServer, type Server } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { freePort } from "@/lib/prometheus/testing/run-prometheus.ts";
import { runAlertmanager, type RunningAlertmanager } from "@/lib/testing/run-alertmanager.ts";
import { advanceClusterClock } from "@/lib/db/ingest/upsert-cluster.ts";
import { listUnmatchedAlerts } from "@/lib/db/alerts/list-unmatched-alerts.ts";
import { createScenarioClock } from "@/workers/emulator/clock.ts";
import { detectIncidents } from "./detect-incidents.ts";

// The team's own Alertmanager pages Uptrust: the real Alertmanager (Debian's package) sends its webhook,
// with the bearer token from its webhook_config, to the real route handler served over HTTP, which stores
// the alerts in PostgreSQL; the analyzer's incident detection then reads them beside Uptrust's own facts.
const TOKEN = "alertmanager-test-token-0123456789";
process.env.UPTRUST_ALERTMANAGER_TOKEN = TOKEN;
const { POST } = await import("@/app/api/alerts/alertmanager/route.ts");

const MIN = 60_000;
const HOUR = 60 * MIN;
const t0 = Date.now();
const at = (minutes: number) => new Date(t0 + minutes * MIN);

type Delivery = { authorization: string | null; body: string; status: number; answer: unknown };
const deliveries: Delivery[] = [];
let server: Server;
let receiver: string;
let alertmanager: RunningAlertmanager;
let prod: { id: string; name: string };

async function q<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await getPool().query<T>(sql, params)).rows;
}

// The route handler behind a plain node:http server, the way Next hands it a Fetch Request.
async function serveRoute(): Promise<string> {
  const port = await freePort();
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    const answer = await POST(new Request(`http://127.0.0.1:${port}${req.url}`, { method: req.method, headers, body }));
    const text = await answer.text();
    deliveries.push({ authorization: req.headers.authorization ?? null, body, status: answer.status, answer: JSON.parse(text) });
    res.writeHead(answer.status, { "content-type": "application/json" }).end(text);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return `http://127.0.0.1:${port}/api/alerts/alertmanager`;
}

const CONFIG = (url: string) => `
route:
  receiver: uptrust
  group_by: ['...']
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: uptrust
    webhook_configs:
      - url: ${url}
        send_resolved: true
        http_config:
          authorization:
            credentials: ${TOKEN}
`;

type AlertIn = { labels: Record<string, string>; annotations?: Record<string, string>; startsAt: string; endsAt?: string; generatorURL?: string };

async function fire(alerts: AlertIn[]): Promise<void> {
  const res = await fetch(`${alertmanager.url}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(alerts) });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Waits until Alertmanager has delivered a notification that `match` accepts, and returns it. */
async function delivered(match: (d: Delivery) => boolean): Promise<Delivery> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = deliveries.find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Alertmanager delivered nothing matching; got ${deliveries.map((d) => d.body).join("\n")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const carries = (alertname: string, status: string) => (d: Delivery) => d.body.includes(`"alertname":"${alertname}"`) && d.body.includes(`"status":"${status}"`);

type IncidentRow = { id: string; workload: string; reason: string; severity: string; status: string; title: string; summary: string; resolved_at: Date | null };
const incidents = () =>
  q<IncidentRow>(`SELECT i.id, w.name AS workload, i.reason, i.severity, i.status::text AS status, i.title, i.summary, i.resolved_at FROM incidents i JOIN workloads w ON w.id = i.workload_id ORDER BY w.name, i.started_at`);
const timeline = (incidentId: string) => q<{ kind: string; title: string; detail: Record<string, unknown> }>(`SELECT kind, title, detail FROM timeline_entries WHERE incident_id = $1 ORDER BY ts`, [incidentId]);

async function workload(clusterId: string, name: string, namespace = "shop"): Promise<string> {
  const [w] = await q<{ id: string }>(
    `INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, available_replicas, ready_replicas, updated_replicas)
     VALUES ($1, $3, 'Deployment', $2, $2 || '-uid', 2, 2, 2, 2) RETURNING id`,
    [clusterId, name, namespace],
  );
  await q(`INSERT INTO pods (cluster_id, namespace, name, uid, workload_kind, workload_name, phase, created_at, started_at) VALUES ($1::uuid, $4, $2 || '-7d9f-abcde', $2 || '-pod-' || $1::text, 'Deployment', $2, 'Running', $3, $3)`, [clusterId, name, at(-120), namespace]);
  return w.id;
}

beforeAll(async () => {
  await q(`TRUNCATE clusters CASCADE`);
  [prod] = await q<{ id: string; name: string }>(`INSERT INTO clusters (name, server, status) VALUES ('prod', 'https://prod.example:6443', 'connected') RETURNING id, name`);
  // A second cluster: alerts must name theirs.
  await q(`INSERT INTO clusters (name, server, status) VALUES ('staging', 'https://staging.example:6443', 'connected')`);
  await workload(prod.id, "checkout");
  await workload(prod.id, "cart");
  // checkout has been crash-looping for 20 minutes (kubelet's BackOff every minute): Uptrust's own incident.
  await q(`INSERT INTO k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, count, first_seen, last_seen)
           VALUES ($1, 'backoff-1', 'shop', 'Pod', 'checkout-7d9f-abcde', 'BackOff', 'Back-off restarting failed container checkout', 'Warning', 20, $2, $3)`, [prod.id, at(-20), at(-1)]);
  receiver = await serveRoute();
  alertmanager = await runAlertmanager(mkdtempSync(join(tmpdir(), "uptrust-alertmanager-")), CONFIG(receiver));
});

afterAll(async () => {
  await alertmanager?.stop();
  await new Promise((r) => server?.close(r));
  await disconnectPrisma();
  await closePools();
});

describe("alerts from the team's Alertmanager", () => {
  it("a firing alert on a workload Uptrust already has an incident for joins that incident, with its summary and link on the timeline", async () => {
    await detectIncidents(prod, new Date());
    const [before] = await incidents();
    expect(before).toMatchObject({ workload: "checkout", reason: "CrashLoopBackOff", severity: "sev3", status: "triage" });

    await fire([{
      labels: { alertname: "CheckoutErrorBudgetBurn", cluster: "prod", namespace: "shop", deployment: "checkout", severity: "critical" },
      annotations: { summary: "checkout is failing 12% of requests", runbook_url: "https://runbooks.example/checkout" },
      startsAt: at(-10).toISOString(),
      generatorURL: "http://prometheus.example:9090/graph?g0.expr=checkout_errors",
    }]);
    const d = await delivered(carries("CheckoutErrorBudgetBurn", "firing"));
    expect(d.authorization).toBe(`Bearer ${TOKEN}`);
    expect(d.status).toBe(200);

    await detectIncidents(prod, new Date());
    const after = await incidents();
    expect(after).toHaveLength(1);
    // The same incident, still named for Uptrust's own finding; the critical alert makes it page.
    expect(after[0]).toMatchObject({ id: before.id, reason: "CrashLoopBackOff", severity: "sev2", status: "triage" });
    // The alert is evidence the incident's summary names beside kubelet's.
    expect(after[0].summary).toBe("BackOff (×20): Back-off restarting failed container checkout; Alertmanager: CheckoutErrorBudgetBurn firing: checkout is failing 12% of requests.");
    const entry = (await timeline(before.id)).find((e) => e.kind === "alert");
    expect(entry?.title).toBe("Alertmanager: CheckoutErrorBudgetBurn firing: checkout is failing 12% of requests");
    expect(entry?.detail).toMatchObject({ severity: "critical", generatorUrl: "http://prometheus.example:9090/graph?g0.expr=checkout_errors" });
  });

  it("a firing alert on a quiet workload, named by its pod, opens an incident of its own; its resolution resolves it", async () => {
    const startsAt = at(-15).toISOString();
    const cartAlert = { labels: { alertname: "CartHighLatency", cluster: "prod", namespace: "shop", pod: "cart-7d9f-abcde", container: "cart", severity: "warning" },
      annotations: { summary: "cart p99 latency is 2.3s" }, startsAt };
    await fire([cartAlert]);
    await delivered(carries("CartHighLatency", "firing"));
    await detectIncidents(prod, new Date());
    const cart = (await incidents()).find((i) => i.workload === "cart");
    expect(cart).toMatchObject({ reason: "Alert", severity: "sev3", status: "triage", title: "cart has a firing Alertmanager alert (Alert)", resolved_at: null });

    // Resolved seven minutes ago (amtool's --end): Alertmanager sends the resolution; Uptrust's own facts
    // about cart are quiet, so the incident resolves when the alert did.
    const endsAt = at(-7);
    await fire([{ ...cartAlert, endsAt: endsAt.toISOString() }]);
    await delivered(carries("CartHighLatency", "resolved"));
    await detectIncidents(prod, new Date());
    const resolved = (await incidents()).find((i) => i.workload === "cart");
    expect(resolved).toMatchObject({ id: cart!.id, status: "resolved" });
    expect(resolved!.resolved_at!.getTime()).toBe(endsAt.getTime());
    expect((await timeline(cart!.id)).map((e) => e.title)).toEqual(expect.arrayContaining(["Alertmanager: CartHighLatency firing: cart p99 latency is 2.3s", "Alertmanager: CartHighLatency resolved"]));
  });

  it("a resent notification changes nothing: one row per alert and firing, the same incidents", async () => {
    const rows = await q<{ n: number }>(`SELECT count(*)::int AS n FROM alert_signals`);
    const before = await incidents();
    for (const d of deliveries.filter((x) => x.status === 200)) {
      const res = await fetch(receiver, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: d.body });
      expect(res.status).toBe(200);
    }
    expect(await q<{ n: number }>(`SELECT count(*)::int AS n FROM alert_signals`)).toEqual(rows);
    // A firing resend that arrives after the resolution does not reopen the alert.
    expect(await q(`SELECT status FROM alert_signals WHERE alertname = 'CartHighLatency'`)).toEqual([{ status: "resolved" }]);
    await detectIncidents(prod, new Date());
    expect(await incidents()).toEqual(before);
  });

  it("an alert naming a cluster Uptrust does not watch is stored unmatched and reported, not dropped", async () => {
    await fire([{ labels: { alertname: "DiskFull", cluster: "qa", namespace: "shop", deployment: "checkout" }, startsAt: at(-1).toISOString() }]);
    const d = await delivered(carries("DiskFull", "firing"));
    expect(d.answer).toMatchObject({ stored: 1, unmatched: [{ alertname: "DiskFull", problem: 'no registered cluster is named "qa" (known: prod, staging)' }] });
    expect(await q(`SELECT cluster_id, cluster_label FROM alert_signals WHERE alertname = 'DiskFull'`)).toEqual([{ cluster_id: null, cluster_label: "qa" }]);
  });

  it("refuses a caller without Alertmanager's token (401) and a body that is not Alertmanager's (400, saying what is wrong)", async () => {
    const real = deliveries[0].body;
    const send = (body: string, authorization = `Bearer ${TOKEN}`) => fetch(receiver, { method: "POST", headers: { authorization, "content-type": "application/json" }, body });
    const wrong = await send(real, "Bearer not-the-alertmanager-token");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: "the bearer token is not UPTRUST_ALERTMANAGER_TOKEN" });
    expect((await send(real, "")).status).toBe(401);

    const changed = JSON.parse(real);
    changed.alerts[0].status = "burning";
    delete changed.alerts[0].labels.alertname;
    const bad = await send(JSON.stringify(changed));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('alerts.0.status: must be "firing" or "resolved"; alerts.0.labels: must include alertname');
    const notJson = await send("<html>");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toMatch(/this is not JSON/);
    const huge = await send(JSON.stringify({ ...JSON.parse(real), padding: "x".repeat(1024 * 1024) }));
    expect(huge.status).toBe(413);
  });

  it("an alert naming a workload Uptrust does not know opens no incident, and the reply to Alertmanager and the log say why", async () => {
    const before = await incidents();
    await fire([{ labels: { alertname: "LegacyDown", cluster: "prod", namespace: "shop", deployment: "legacy", severity: "critical" }, startsAt: at(-3).toISOString() }]);
    const d = await delivered(carries("LegacyDown", "firing"));
    expect(d.answer).toMatchObject({ stored: 1, unmatched: [{ alertname: "LegacyDown", problem: 'names deployment "legacy" in namespace "shop", which Uptrust has not seen in cluster "prod"' }] });
    await detectIncidents(prod, new Date());
    expect(await incidents()).toEqual(before);
    // Admins find both alerts Uptrust could not place on /clusters, newest first, with the same reasons.
    const listed = await listUnmatchedAlerts(new Date());
    expect(listed.total).toBe(2);
    expect(listed.recent.map((a) => [a.alertname, a.cluster, a.status, a.problem])).toEqual([
      ["LegacyDown", "prod", "firing", 'names deployment "legacy" in namespace "shop", which Uptrust has not seen in cluster "prod"'],
      ["DiskFull", "qa", "firing", 'no registered cluster is named "qa" (known: prod, staging)'],
    ]);
  });

  it("on the demo cluster, whose clock replays six hours behind the wall clock, an alert opens its incident at the cluster's time, as long ago as it fired", async () => {
    // The emulator's clock at 1x, six hours behind; ingest wrote its latest time a moment ago, as it does.
    const demoClock = createScenarioClock({ wallStart: Date.now(), leadMs: 6 * HOUR, speed: 1 });
    const [demo] = await q<{ id: string; name: string }>(`INSERT INTO clusters (name, server, status) VALUES ('demo', 'http://127.0.0.1:6443', 'connected') RETURNING id, name`);
    await workload(demo.id, "frontend", "web");
    await advanceClusterClock(getPool(), demo.id, new Date(demoClock.now()));
    await fire([{ labels: { alertname: "FrontendDown", cluster: "demo", namespace: "web", deployment: "frontend" }, startsAt: new Date(Date.now() - 10 * MIN).toISOString() }]);
    await delivered(carries("FrontendDown", "firing"));

    const clusterNow = new Date(demoClock.now());
    await detectIncidents(demo, clusterNow);
    const [opened] = await q<{ started_at: Date; detected_at: Date; status: string }>(`SELECT started_at, detected_at, status::text AS status FROM incidents WHERE cluster_id = $1`, [demo.id]);
    expect(opened.status).toBe("triage");
    // Ten minutes before the cluster's now (within the second ingest's stamp and the delivery took), not six hours in its future.
    expect(Math.abs(opened.started_at.getTime() - (clusterNow.getTime() - 10 * MIN))).toBeLessThan(5_000);
    expect(opened.detected_at.getTime()).toBeLessThanOrEqual(clusterNow.getTime());
  });

  it("a firing alert Alertmanager stops re-sending resolves the incident it opened at its last sighting, and the timeline says why", async () => {
    await workload(prod.id, "search");
    await fire([{ labels: { alertname: "SearchSlow", cluster: "prod", namespace: "shop", deployment: "search" }, annotations: { summary: "search p99 is 4s" }, startsAt: at(-20).toISOString() }]);
    await delivered(carries("SearchSlow", "firing"));
    await detectIncidents(prod, new Date());
    const search = async () => (await incidents()).find((i) => i.workload === "search");
    expect(await search()).toMatchObject({ reason: "Alert", status: "triage", resolved_at: null });

    // No resolution and no resend (say the resolution was lost): 8.5 hours on, the alert is taken as ended
    // when Alertmanager last sent it.
    const [{ last }] = await q<{ last: Date }>(`SELECT last_received_at AS last FROM alert_signals WHERE alertname = 'SearchSlow'`);
    await detectIncidents(prod, new Date(last.getTime() + 8.5 * HOUR + MIN));
    const ended = await search();
    expect(ended).toMatchObject({ status: "resolved" });
    expect(ended!.resolved_at!.getTime()).toBe(last.getTime());
    const since = `${last.toISOString().slice(0, 10)} ${last.toISOString().slice(11, 16)} UTC`;
    expect((await timeline(ended!.id)).map((e) => e.title)).toEqual(expect.arrayContaining([`Alertmanager: SearchSlow taken as ended: no word from Alertmanager since ${since}`]));
  });
});
