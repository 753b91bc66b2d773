import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { saveDetectedIncident, saveIncidentCauses } from "@/lib/db/analyze/save-detected-incident.ts";
import { applyIncidentAction } from "@/lib/db/incidents/apply-incident-action.ts";
import { listChannelItems, listDeadLetters } from "@/lib/db/notifications/list-notifications.ts";
import { createChannel } from "@/lib/db/notifications/save-channel.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { probableCauses } from "@/lib/domain/causes/probable-causes.ts";
import type { CauseInput } from "@/lib/domain/causes/types.ts";
import { DEFAULT_QUIET_MS, groupIncidents, type DetectedIncident } from "@/lib/domain/incidents.ts";
import { parseChannelInput } from "@/lib/domain/notifications/channel-input.ts";
import { SIGNATURE_HEADER, verifySignature } from "@/lib/notify/sign-webhook.ts";
import { parseEnv } from "@/lib/env.ts";
import { secretKey } from "@/lib/notify/secret-box.ts";
import { startRecordingReceiver } from "@/lib/notify/testing/recording-receiver.ts";
import { runNotifier, type NotifierDeps } from "./run-notifier.ts";

const MIN = 60_000;
const started = Date.UTC(2026, 10, 25, 10, 0);
const at = (minutes: number) => new Date(started + minutes * MIN);
const AUTH_SECRET = "a-test-auth-secret-that-is-long-enough-0123456789";
const ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
const WEBHOOK_SECRET = "whsec-0123456789abcdef0123456789";
const key = secretKey(AUTH_SECRET);
const receiver = await startRecordingReceiver({ "/flaky": [500, 202], "/down": [500] });
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
});
