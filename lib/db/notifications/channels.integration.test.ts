import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { parseChannelInput, type ChannelInput } from "@/lib/domain/notifications/channel-input.ts";
import { openSecret, secretKey } from "@/lib/notify/secret-box.ts";
import { closePools, getPool } from "../pool.ts";
import { listChannelItems } from "./list-notifications.ts";
import { createChannel, deleteChannel, updateChannel } from "./save-channel.ts";
import { syncEnvChannels } from "./sync-env-channels.ts";

const key = secretKey("an-auth-secret-of-at-least-32-characters!!");
const ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
let admin = { id: "" };

const q = async <T extends object>(sql: string, params: unknown[] = []) => (await getPool().query<T>(sql, params)).rows;
const input = (body: object): ChannelInput => {
  const parsed = parseChannelInput(body);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

beforeEach(async () => {
  await q(`TRUNCATE users, audit_log, notification_channels CASCADE`);
  [admin] = await q<{ id: string }>(`INSERT INTO users (email, name, role) VALUES ('ana@example.com', 'Ana', 'admin') RETURNING id`);
});
afterAll(() => closePools());

describe("notification channels an admin manages", () => {
  it("a new channel's secret is stored sealed, listed only as set, and its audit line names the route but not the secret", async () => {
    const saved = await createChannel(input({ name: "pd-sre", type: "pagerduty", secret: ROUTING_KEY, route: { minSeverity: "sev2" } }), admin, key);
    expect(saved.ok).toBe(true);
    const [row] = await q<{ secret_enc: string }>(`SELECT secret_enc FROM notification_channels`);
    expect(row.secret_enc).not.toContain(ROUTING_KEY);
    expect(openSecret(row.secret_enc, key)).toBe(ROUTING_KEY);
    expect(await listChannelItems()).toMatchObject([{ name: "pd-sre", type: "pagerduty", source: "admin", secretHint: "set, ends …CDEF", route: "sev2 or worse" }]);
    const audit = await q<{ action: string; detail: object }>(`SELECT action, detail FROM audit_log`);
    expect(audit).toMatchObject([{ action: "notification.channel.create", detail: { name: "pd-sre", route: { minSeverity: "sev2" } } }]);
    expect(JSON.stringify(audit)).not.toContain(ROUTING_KEY);
  });

  it("refuses a second channel of the same name, and deleting one the environment defines", async () => {
    await createChannel(input({ name: "pd-sre", type: "pagerduty", secret: ROUTING_KEY }), admin, key);
    expect(await createChannel(input({ name: "pd-sre", type: "pagerduty", secret: ROUTING_KEY }), admin, key)).toMatchObject({ ok: false, status: 409 });
    await syncEnvChannels([{ name: "Slack (UPTRUST_SLACK_WEBHOOK_URL)", type: "slack", url: null, secret: "https://hooks.slack.com/services/T/B/x" }], 20, key);
    const env = (await listChannelItems()).find((c) => c.source === "env")!;
    expect(await deleteChannel(env.id, admin)).toEqual({ ok: false, status: 409, error: "Slack (UPTRUST_SLACK_WEBHOOK_URL) is defined by the environment; unset its variable to remove it" });
  });

  it("an environment channel follows its setting: a new secret is resealed, an unset one removed, an admin's channel of that name untouched", async () => {
    const slack = (secret: string) => [{ name: "Slack (UPTRUST_SLACK_WEBHOOK_URL)", type: "slack" as const, url: null, secret }];
    await syncEnvChannels(slack("https://hooks.slack.com/services/T/B/old"), 20, key);
    await syncEnvChannels(slack("https://hooks.slack.com/services/T/B/new"), 20, key);
    const [row] = await q<{ secret_enc: string }>(`SELECT secret_enc FROM notification_channels`);
    expect(openSecret(row.secret_enc, key)).toBe("https://hooks.slack.com/services/T/B/new");
    await syncEnvChannels([], 20, key);
    expect(await listChannelItems()).toEqual([]);
    await createChannel(input({ name: "Slack (UPTRUST_SLACK_WEBHOOK_URL)", type: "slack", secret: "https://hooks.slack.com/services/T/B/admin" }), admin, key);
    await syncEnvChannels(slack("https://hooks.slack.com/services/T/B/env"), 20, key);
    const [kept] = await q<{ secret_enc: string; source: string }>(`SELECT secret_enc, source FROM notification_channels`);
    expect({ source: kept.source, secret: openSecret(kept.secret_enc, key) }).toEqual({ source: "admin", secret: "https://hooks.slack.com/services/T/B/admin" });
  });

  it("an admin changes a channel's route and rate and keeps its secret; a new secret is resealed and audited only as changed", async () => {
    const saved = await createChannel(input({ name: "hooks", type: "webhook", url: "https://hooks.example.com/a", secret: "first-signing-secret-0001" }), admin, key);
    if (!saved.ok) throw new Error(saved.error);
    const kept = await updateChannel(saved.id, { url: "https://hooks.example.com/b", route: { namespaces: ["shop"] }, ratePerMinute: 5, secret: "" }, admin, key);
    expect(kept).toEqual({ ok: true, id: saved.id });
    expect(await listChannelItems()).toMatchObject([{ url: "https://hooks.example.com/b", route: "namespaces shop", ratePerMinute: 5, secretHint: "set, ends …0001" }]);
    const secretOf = async () => openSecret((await q<{ secret_enc: string }>(`SELECT secret_enc FROM notification_channels`))[0].secret_enc, key);
    expect(await secretOf()).toBe("first-signing-secret-0001");

    await updateChannel(saved.id, { url: "https://hooks.example.com/b", secret: "second-signing-secret-0002" }, admin, key);
    expect(await secretOf()).toBe("second-signing-secret-0002");
    expect(await listChannelItems()).toMatchObject([{ route: "everything", ratePerMinute: 20, secretHint: "set, ends …0002" }]);
    const audit = await q<{ action: string; detail: { secretChanged: boolean } }>(`SELECT action, detail FROM audit_log WHERE action LIKE '%update' ORDER BY id`);
    expect(audit.map((a) => a.detail.secretChanged)).toEqual([false, true]);
    expect(JSON.stringify(audit)).not.toContain("second-signing-secret");
  });

  it("a change that does not fit the channel's type, one to an environment channel, and one to no channel are refused and change nothing", async () => {
    const saved = await createChannel(input({ name: "pd-sre", type: "pagerduty", secret: ROUTING_KEY }), admin, key);
    if (!saved.ok) throw new Error(saved.error);
    expect(await updateChannel(saved.id, { secret: "no" }, admin, key)).toMatchObject({ ok: false, status: 400, error: expect.stringContaining("routing key") });
    expect(await listChannelItems()).toMatchObject([{ secretHint: "set, ends …CDEF" }]);
    await syncEnvChannels([{ name: "Slack (UPTRUST_SLACK_WEBHOOK_URL)", type: "slack", url: null, secret: "https://hooks.slack.com/services/T/B/x" }], 20, key);
    const env = (await listChannelItems()).find((c) => c.source === "env")!;
    expect(await updateChannel(env.id, { ratePerMinute: 1 }, admin, key)).toMatchObject({ ok: false, status: 409 });
    expect(await updateChannel("00000000-0000-4000-8000-000000000000", {}, admin, key)).toMatchObject({ ok: false, status: 404 });
    expect((await listChannelItems()).map((c) => c.ratePerMinute)).toEqual([20, 20]);
  });
});

