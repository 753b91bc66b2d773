import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { hashShareToken } from "@/lib/auth/share-token.ts";
import { saveDetectedIncident, saveIncidentCauses } from "@/lib/db/analyze/save-detected-incident.ts";
import { upsertSloStatuses } from "@/lib/db/analyze/upsert-slo-status.ts";
import { applyIncidentAction } from "@/lib/db/incidents/apply-incident-action.ts";
import { listChannelItems, listDeadLetters, retryDeadLetter } from "@/lib/db/notifications/list-notifications.ts";
import { queueTestMessage } from "@/lib/db/notifications/queue-test-message.ts";
import { createChannel } from "@/lib/db/notifications/save-channel.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { evaluateBurnAlerts, type TimedCounts } from "@/lib/domain/burn-rate.ts";
import { probableCauses } from "@/lib/domain/causes/probable-causes.ts";
import type { CauseInput } from "@/lib/domain/causes/types.ts";
import { DEFAULT_QUIET_MS, groupIncidents, type DetectedIncident } from "@/lib/domain/incidents.ts";
import { parseChannelInput } from "@/lib/domain/notifications/channel-input.ts";
import { SIGNATURE_HEADER, verifySignature } from "@/lib/notify/sign-webhook.ts";
import { parseEnv } from "@/lib/env.ts";
import { secretKey } from "@/lib/notify/secret-box.ts";
import { startRecordingReceiver } from "@/lib/notify/testing/recording-receiver.ts";
import { serveMetrics } from "@/lib/metrics/serve-metrics.ts";
import { queryWhenPresent, startScrapingPrometheus } from "@/lib/prometheus/testing/scraping-prometheus.ts";
import { analyzeMetrics } from "../analyze-metrics.ts";
import { notifyPass } from "./notify-loop.ts";
import { runNotifier, type NotifierDeps } from "./run-notifier.ts";

const MIN = 60_000;
const started = Date.UTC(2026, 10, 25, 10, 0);
const at = (minutes: number) => new Date(started + minutes * MIN);
const AUTH_SECRET = "a-test-auth-secret-that-is-long-enough-0123456789";
const ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
const WEBHOOK_SECRET = "whsec-0123456789abcdef0123456789";
const key = secretKey(AUTH_SECRET);
const receiver = await startRecordingReceiver({ "/flaky": [500, 202], "/down": [500], "/gone": [410] });
const env = parseEnv({
  DATABASE_URL: process.env.DATABASE_URL,
  AUTH_SECRET,
  UPTRUST_PUBLIC_URL: "https://uptrust.example.com/",
  UPTRUST_SLACK_WEBHOOK_URL: `${receiver.url}/slack`,
  UPTRUST_PAGERDUTY_ROUTING_KEY: ROUTING_KEY,
  UPTRUST_PAGERDUTY_EVENTS_URL: `${receiver.url}/pd`,
  UPTRUST_WEBHOOK_URL: `${receiver.url}/hook`,
  UPTRUST_WEBHOOK_SECRET: WEBHOOK_SECRET,
  UPTRUST_NOTIFY_MAX_ATTEMPTS: "3",
});

let clock = Date.now();
const pass = (over: Partial<NotifierDeps> = {}) => runNotifier({ env, key, signal: new AbortController().signal, now: () => clock, random: () => 0.5, ...over });
const cluster = { id: "", name: "demo" };
let workloadId = "";
let adminId = "";

async function q<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await getPool().query<T>(sql, params)).rows;
}

// The checkout crash loop as the detector sees it, still going or over at `resolvedAt`, with the cause the analyzer finds.
const detected = (resolvedAt: Date | null): DetectedIncident => {
  const to = (resolvedAt ?? at(60)).getTime();
  const crashLoop = { workload: "Deployment/shop/checkout", reason: "CrashLoopBackOff" as const, from: started, to, source: "container" as const, detail: "checkout-7f8d2 is in CrashLoopBackOff", severity: "sev2" as const };
  return groupIncidents([crashLoop], resolvedAt ? to + DEFAULT_QUIET_MS : to)[0];
};
const template = (image: string) => ({ containers: [{ name: "checkout", image }] });
const causeInput: CauseInput = {
  workload: { kind: "Deployment", namespace: "shop", name: "checkout" }, reason: "CrashLoopBackOff", startedAt: started, endAt: started + 20 * MIN,
  changes: [{ id: "c1", kind: "template", observedAt: started - 2 * MIN, summary: "image checkout: 1.4.2 → 1.5.0", manager: null, before: template("shop/checkout:1.4.2"), after: template("shop/checkout:1.5.0") }],
  events: [], nodeEvents: [], lookupFailures: [], resolver: null, resolverErrors: [], limits: [], usage: [], nodes: [], neighbours: [],
};
const openIncident = async () => {
  const saved = await saveDetectedIncident(cluster, workloadId, detected(null), at(2));
  await saveIncidentCauses(saved!.id, probableCauses(causeInput));
  return saved!.id;
};
const resolveIncident = () => saveDetectedIncident(cluster, workloadId, detected(at(30)), at(40));

async function addChannel(body: Record<string, unknown>) {
  const input = parseChannelInput(body);
  if (!input.ok) throw new Error(input.error);
  const saved = await createChannel(input.value, { id: adminId }, key);
  if (!saved.ok) throw new Error(saved.error);
  return saved.id;
}

beforeEach(async () => {
  receiver.received.length = 0;
  clock = Date.now();
  await q(`TRUNCATE clusters, users, audit_log, notification_channels, notification_states CASCADE`);
  [{ id: cluster.id }] = await q<{ id: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('demo', 'https://127.0.0.1:6443', 'connected', $1) RETURNING id`, [at(60)]);
  [{ id: workloadId }] = await q<{ id: string }>(`INSERT INTO workloads (cluster_id, namespace, kind, name, uid) VALUES ($1, 'shop', 'Deployment', 'checkout', 'uid-1') RETURNING id`, [cluster.id]);
  [{ id: adminId }] = await q<{ id: string }>(`INSERT INTO users (email, name, role) VALUES ('ana@example.com', 'Ana', 'admin') RETURNING id`);
});
afterAll(async () => {
  await receiver.close();
  await closePools();
});

describe("an incident reaching Slack, PagerDuty and a signed webhook", () => {
  it("opening, acknowledging and resolving reach each receiver once per transition, across repeated and concurrent notifier runs", async () => {
    const id = await openIncident();
    await Promise.all([pass(), pass()]);
    await pass();
    expect(receiver.at("/slack")).toHaveLength(1);
    expect(receiver.at("/pd")).toHaveLength(1);
    expect(receiver.at("/hook")).toHaveLength(1);

    const slack = receiver.at("/slack")[0].json as { text: string };
    expect(slack.text).toContain("[sev2] Incident opened: checkout is crash-looping");
    expect(slack.text).toContain("Likely cause: A rollout changed checkout's image to shop/checkout:1.5.0 2 minutes before it began.");
    expect(slack.text).toContain(`<https://uptrust.example.com/incidents/${id}|Open in Uptrust>`);

    await applyIncidentAction(id, { type: "acknowledge", at: at(5).toISOString() }, { name: "Ana", email: "ana@example.com" });
    await pass();
    await resolveIncident();
    await pass();
    await pass();

    const pd = receiver.at("/pd").map((r) => r.json as { event_action: string; dedup_key: string; routing_key: string; payload?: { summary: string; severity: string } });
    expect(pd.map((e) => e.event_action)).toEqual(["trigger", "acknowledge", "resolve"]);
    expect(new Set(pd.map((e) => e.dedup_key))).toEqual(new Set([`uptrust:incident:${id}`]));
    expect(pd[0].routing_key).toBe(ROUTING_KEY);
    expect(pd[0].payload).toMatchObject({ severity: "error", summary: expect.stringContaining("Deployment shop/checkout in demo") });

    const hooks = receiver.at("/hook");
    expect(hooks.map((h) => (h.json as { event: string }).event)).toEqual(["incident.opened", "incident.acknowledged", "incident.resolved"]);
    for (const h of hooks) {
      expect(verifySignature(WEBHOOK_SECRET, h.body, String(h.headers[SIGNATURE_HEADER]), Date.now())).toEqual({ ok: true });
      expect(verifySignature("another-secret-0123456789", h.body, String(h.headers[SIGNATURE_HEADER]), Date.now()).ok).toBe(false);
    }
    expect(receiver.at("/slack").map((r) => (r.json as { text: string }).text.split("\n")[0])).toEqual([
      "*[sev2] Incident opened: checkout is crash-looping (CrashLoopBackOff) — Deployment shop/checkout in demo*",
      "*[sev2] Incident acknowledged: checkout is crash-looping (CrashLoopBackOff) — Deployment shop/checkout in demo*",
      "*Incident resolved: checkout is crash-looping (CrashLoopBackOff) — Deployment shop/checkout in demo*",
    ]);
  });

  it("retries a receiver that answered 500, and it gets the message on the next attempt", async () => {
    await addChannel({ name: "flaky", type: "webhook", url: `${receiver.url}/flaky`, secret: WEBHOOK_SECRET });
    await openIncident();
    const first = await pass();
    expect(first.reports.find((r) => r.channel === "flaky")).toMatchObject({ outcome: "retry", error: expect.stringContaining("HTTP 500") });
    await pass();
    expect(receiver.at("/flaky")).toHaveLength(1);
    clock += 10_000;
    const second = await pass();
    expect(second.reports.find((r) => r.channel === "flaky")?.outcome).toBe("delivered");
    expect(receiver.at("/flaky")).toHaveLength(2);
    expect(receiver.at("/slack")).toHaveLength(1);
  });

  it("a receiver that always fails ends in the dead letter after the last attempt, without its secret", async () => {
    await addChannel({ name: "down", type: "slack", secret: `${receiver.url}/down` });
    await openIncident();
    for (let i = 0; i < 5; i++) {
      await pass();
      clock += 15 * MIN;
    }
    expect(receiver.at("/down")).toHaveLength(3);
    const dead = await listDeadLetters();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ channel: "down", attempts: 3, transition: "opened", lastError: expect.stringContaining("HTTP 500") });
    expect(JSON.stringify(dead)).not.toContain(`${receiver.url}/down`);
    expect((await pass()).deadLetters).toBe(1);
    const channels = await listChannelItems();
    expect(channels.find((c) => c.name === "down")).toMatchObject({ dead: 1, secretHint: "set, ends …down" });
    expect(JSON.stringify(channels)).not.toContain(ROUTING_KEY);

    // An admin's "Send again" gives it a fresh set of attempts.
    expect(await retryDeadLetter(dead[0].id, new Date(clock))).toBe(true);
    expect((await pass()).reports.find((r) => r.channel === "down")?.outcome).toBe("retry");
    expect(receiver.at("/down")).toHaveLength(4);
    expect(await listDeadLetters()).toEqual([]);
  });

  it("a route that excludes the incident's namespace sends nothing there; one that allows a share link carries an audited one", async () => {
    await addChannel({ name: "not-shop", type: "webhook", url: `${receiver.url}/not-shop`, secret: WEBHOOK_SECRET, route: { excludeNamespaces: ["shop"] } });
    await addChannel({ name: "with-link", type: "webhook", url: `${receiver.url}/with-link`, secret: WEBHOOK_SECRET, route: { namespaces: ["shop"], shareLink: true } });
    const id = await openIncident();
    await pass();
    await pass();
    expect(receiver.at("/not-shop")).toHaveLength(0);
    expect(receiver.at("/with-link")).toHaveLength(1);
    const message = receiver.at("/with-link")[0].json as { shareUrl: string };
    expect(message.shareUrl).toMatch(/^https:\/\/uptrust\.example\.com\/share\/\S+$/);
    // The token waits in the outbox sealed, as Uptrust keeps no share token in the clear.
    const stored = await q<{ message: { shareUrl: string } }>(`SELECT message FROM notification_deliveries WHERE message ->> 'shareUrl' IS NOT NULL`);
    expect(stored).toHaveLength(1);
    expect(stored[0].message.shareUrl).not.toContain(message.shareUrl.split("/share/")[1]);
    // It is the share link Uptrust made: its token hashes to the stored one.
    const token = message.shareUrl.split("/share/")[1];
    expect(await q(`SELECT 1 FROM share_links WHERE token_hash = $1`, [hashShareToken(token)])).toHaveLength(1);
    expect((receiver.at("/hook")[0].json as { shareUrl: unknown }).shareUrl).toBeNull();
    const links = await q<{ incident_id: string; created_by_id: string; expires_at: Date }>(`SELECT incident_id, created_by_id, expires_at FROM share_links`);
    expect(links).toEqual([{ incident_id: id, created_by_id: adminId, expires_at: new Date(clock + 7 * 24 * 60 * MIN) }]);
    expect(await q(`SELECT action FROM audit_log WHERE action = 'share.create'`)).toHaveLength(1);
  });

  it("a channel may send only so many messages a minute; the rest wait their turn instead of being dropped", async () => {
    await addChannel({ name: "slow", type: "webhook", url: `${receiver.url}/slow`, secret: WEBHOOK_SECRET, ratePerMinute: 1 });
    await openIncident();
    await pass();
    await applyIncidentAction((await q<{ id: string }>(`SELECT id FROM incidents`))[0].id, { type: "acknowledge", at: at(5).toISOString() }, { name: "Ana", email: "ana@example.com" });
    const held = await pass();
    expect(held.reports.find((r) => r.channel === "slow")?.outcome).toBe("deferred");
    expect(receiver.at("/slow")).toHaveLength(1);
    clock += MIN;
    await pass();
    expect(receiver.at("/slow").map((r) => (r.json as { event: string }).event)).toEqual(["incident.opened", "incident.acknowledged"]);
  });

  it("an SLO that starts paging triggers PagerDuty and one that stops resolves the same alert, each told once", async () => {
    const [{ id: sloId }] = await q<{ id: string }>(`INSERT INTO slos (workload_id, name, indicator, target) VALUES ($1, 'availability', 'success', 0.999) RETURNING id`, [workloadId]);
    const evaluatedAt = at(120).getTime();
    // Two hours of checkout's requests: healthy, then the last ten minutes failing 30 % of them.
    const minutes = (failing: boolean): TimedCounts[] => Array.from({ length: 120 }, (_, i) => {
      const bad = failing && i >= 110;
      return { ts: evaluatedAt - (120 - i) * MIN, good: bad ? 70 : 100, total: 100 };
    });
    const saveStatus = async (failing: boolean) => {
      const { alert, rules } = evaluateBurnAlerts(minutes(failing), evaluatedAt, 0.999);
      await upsertSloStatuses([{
        sloId, computedAt: new Date(evaluatedAt), sli: 0.99, budgetRemaining: 0.5, burnRate1h: rules[0].longBurn, burnRate6h: rules[1].longBurn, burnRate30d: 1,
        alert, explanation: "", windows: rules, exhaustedAt: null, windowStart: at(-60 * 24), measuredSince: at(0),
      }]);
      return alert;
    };
    expect(await saveStatus(true)).toBe("page");
    await pass();
    await pass();
    expect(await saveStatus(false)).toBeNull();
    await pass();
    await pass();
    const pd = receiver.at("/pd").map((r) => r.json as { event_action: string; dedup_key: string; payload?: { summary: string } });
    expect(pd.map((e) => [e.event_action, e.dedup_key])).toEqual([["trigger", `uptrust:slo:${sloId}`], ["resolve", `uptrust:slo:${sloId}`]]);
    expect(pd[0].payload?.summary).toBe("[page] SLO availability of shop/checkout is burning its error budget fast enough to page — Deployment shop/checkout in demo");
    expect(receiver.at("/hook").map((h) => (h.json as { event: string; url: string }).event)).toEqual(["slo.paging", "slo.recovered"]);
    expect((receiver.at("/hook")[0].json as { url: string }).url).toBe(`https://uptrust.example.com/slos/${sloId}`);
  });

  it("the worker's metrics count deliveries by channel type and outcome, and the dead letters, as Prometheus scrapes them", async () => {
    await addChannel({ name: "gone", type: "slack", secret: `${receiver.url}/gone` });
    await openIncident();
    const metrics = analyzeMetrics();
    await notifyPass({ env, key, signal: new AbortController().signal, metrics, now: () => clock });
    // A Slack webhook that was deleted answers 410: retrying cannot help, so it is a dead letter at once.
    expect(receiver.at("/gone")).toHaveLength(1);
    const server = await serveMetrics(metrics.registry, 0, "127.0.0.1");
    const prometheus = await startScrapingPrometheus([{ job: "uptrust-analyze", address: `127.0.0.1:${server.port}` }]);
    try {
      const delivered = await queryWhenPresent(prometheus.url, 'uptrust_notification_deliveries_total{outcome="delivered"}', 3);
      expect(delivered.map((s) => `${s.metric.channel_type}=${s.value[1]}`).sort()).toEqual(["pagerduty=1", "slack=1", "webhook=1"]);
      const dead = await queryWhenPresent(prometheus.url, 'uptrust_notification_deliveries_total{outcome="dead"}');
      expect(dead.map((s) => `${s.metric.channel_type}=${s.value[1]}`)).toEqual(["slack=1"]);
      expect((await queryWhenPresent(prometheus.url, "uptrust_notification_failures_total")).map((s) => s.value[1])).toEqual(["1"]);
      expect((await queryWhenPresent(prometheus.url, "uptrust_notification_dead_letters")).map((s) => s.value[1])).toEqual(["1"]);
    } finally {
      await prometheus.stop();
      await server.close();
    }
  });
});

describe("a test message an admin asks for", () => {
  const ana = () => ({ id: adminId, name: "Ana" });
  const byName = async () => new Map((await listChannelItems()).map((c) => [c.name, c]));

  it("reaches each channel once; PagerDuty's test alert is resolved at once, and the page says when each was delivered", async () => {
    await pass(); // the environment's three channels become rows
    const channels = await byName();
    for (const c of channels.values()) expect(await queueTestMessage(c.id, ana(), "https://uptrust.example.com", new Date(clock))).toMatchObject({ ok: true });
    const pd = channels.get("PagerDuty (UPTRUST_PAGERDUTY_ROUTING_KEY)")!;
    expect(await queueTestMessage(pd.id, ana(), "https://uptrust.example.com", new Date(clock))).toEqual({
      ok: false, status: 409, error: "a test message to PagerDuty (UPTRUST_PAGERDUTY_ROUTING_KEY) is waiting to be sent already",
    });
    expect((await byName()).get(pd.name)!.lastTest).toMatchObject({ status: "pending" });
    await pass();
    await pass();

    expect((receiver.at("/slack")[0].json as { text: string }).text).toBe(
      "*Test message from Uptrust to Slack (UPTRUST_SLACK_WEBHOOK_URL): this channel works*\n<https://uptrust.example.com/admin/notifications|Open in Uptrust>",
    );
    const events = receiver.at("/pd").map((r) => r.json as { event_action: string; dedup_key: string; payload?: { severity: string; source: string } });
    expect(events.map((e) => [e.event_action, e.dedup_key])).toEqual([["trigger", `uptrust:test:${pd.id}`], ["resolve", `uptrust:test:${pd.id}`]]);
    expect(events[0].payload).toMatchObject({ severity: "info", source: "uptrust" });
    const [hook] = receiver.at("/hook");
    expect(hook.json).toMatchObject({ event: "test", headline: "Test message from Uptrust to Webhook (UPTRUST_WEBHOOK_URL): this channel works" });
    expect(verifySignature(WEBHOOK_SECRET, hook.body, String(hook.headers[SIGNATURE_HEADER]), clock)).toEqual({ ok: true });
    expect([...(await byName()).values()].map((c) => c.lastTest)).toEqual(
      [...channels.values()].map(() => ({ status: "delivered", at: new Date(clock).toISOString(), error: null })),
    );
    const audit = await q<{ action: string }>(`SELECT action FROM audit_log WHERE action = 'notification.channel.test'`);
    expect(audit).toHaveLength(3);
  });

  it("a test the receiver refuses is answered at once, with the reason, instead of being retried for minutes", async () => {
    const id = await addChannel({ name: "down", type: "webhook", url: `${receiver.url}/down`, secret: WEBHOOK_SECRET });
    await queueTestMessage(id, ana(), "https://uptrust.example.com", new Date(clock));
    await pass();
    expect(receiver.at("/down")).toHaveLength(1);
    expect((await byName()).get("down")!.lastTest).toEqual({ status: "dead", at: new Date(clock).toISOString(), error: 'HTTP 500: {"error":"down"}' });
    expect(await queueTestMessage("00000000-0000-4000-8000-000000000000", ana(), "https://uptrust.example.com", new Date(clock))).toMatchObject({ status: 404 });
  });
});

