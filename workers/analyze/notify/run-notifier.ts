import { enqueueNotifications, readRoutingChannels, type RoutingChannel } from "@/lib/db/notifications/enqueue-notifications.ts";
import {
  claimDueDeliveries, countDeadLetters, deferDelivery, recentSends, recordDelivered, recordFailure, type ClaimedDelivery,
} from "@/lib/db/notifications/outbox.ts";
import { readIncidentSubjects, readSloSubjects } from "@/lib/db/notifications/read-notify-subjects.ts";
import { syncEnvChannels } from "@/lib/db/notifications/sync-env-channels.ts";
import { createShareLink } from "@/lib/db/share-links/create-share-link.ts";
import { afterFailure, DEFAULT_RETRY, nextSendSlot, type RetryPolicy } from "@/lib/domain/notifications/delivery-schedule.ts";
import { planNotifications, type PlannedDelivery } from "@/lib/domain/notifications/plan-notifications.ts";
import { DEFAULT_SHARE_DAYS } from "@/lib/domain/share-links.ts";
import type { Env } from "@/lib/env.ts";
import { publicBaseUrl } from "@/lib/notify/public-base-url.ts";
import { sealSecret } from "@/lib/notify/secret-box.ts";
import { envChannels } from "./env-channels.ts";
import { sendDelivery } from "./send-delivery.ts";

export type DeliveryOutcome = "delivered" | "retry" | "dead" | "deferred";
export type NotifyReport = { channelType: string; outcome: DeliveryOutcome; channel: string; error?: string };

export type NotifierDeps = {
  env: Env;
  key: Buffer;
  signal: AbortSignal;
  now?: () => number;
  random?: () => number;
  onDelivery?: (r: NotifyReport) => void;
};

export type NotifierPass = { enqueued: number; reports: NotifyReport[]; deadLetters: number };

const LEASE_MS = 60_000;

// One pass of the notifier: bring the environment's channels up to date, turn what changed since the last
// notification into outbox rows, then send what is due. Each channel sends on its own: one receiver that is
// down or slow never holds back another.
export async function runNotifier(deps: NotifierDeps): Promise<NotifierPass> {
  const now = deps.now ?? Date.now;
  const { env, key } = deps;
  await syncEnvChannels(envChannels(env), env.UPTRUST_NOTIFY_RATE_PER_MINUTE, key);
  const channels = await readRoutingChannels();
  const baseUrl = publicBaseUrl(env);
  const [incidents, slos] = await Promise.all([readIncidentSubjects(), readSloSubjects()]);
  const plan = planNotifications(incidents, slos, channels, baseUrl, now());
  const enqueued = await enqueueNotifications(plan, new Date(now()), (d) => shareLinkFor(d, channels, baseUrl, new Date(now()), key));
  const reports: NotifyReport[] = [];
  if (!deps.signal.aborted) {
    const policy: RetryPolicy = { ...DEFAULT_RETRY, maxAttempts: env.UPTRUST_NOTIFY_MAX_ATTEMPTS };
    const claimed = await claimDueDeliveries(new Date(now()), new Date(now() + LEASE_MS));
    const byChannel = new Map<string, ClaimedDelivery[]>();
    for (const d of claimed) byChannel.set(d.channelId, [...(byChannel.get(d.channelId) ?? []), d]);
    await Promise.all([...byChannel.values()].map((list) => sendChannel(list, deps, policy, now, reports)));
  }
  return { enqueued, reports, deadLetters: await countDeadLetters() };
}

async function sendChannel(list: ClaimedDelivery[], deps: NotifierDeps, policy: RetryPolicy, now: () => number, reports: NotifyReport[]) {
  const report = (d: ClaimedDelivery, outcome: DeliveryOutcome, error?: string) => {
    const r = { channelType: d.channelType, channel: d.channelName, outcome, error };
    reports.push(r);
    deps.onDelivery?.(r);
  };
  for (const d of list) {
    try {
      const slot = nextSendSlot(await recentSends(d.channelId, new Date(now())), now(), d.ratePerMinute);
      if (slot > now() || deps.signal.aborted) {
        await deferDelivery(d.id, new Date(Math.max(slot, now())));
        report(d, "deferred");
        continue;
      }
      const result = await sendDelivery(d, { key: deps.key, pagerDutyEventsUrl: deps.env.UPTRUST_PAGERDUTY_EVENTS_URL, now: now(), signal: deps.signal });
      const attempts = d.attempts + 1;
      if (result.ok) {
        await recordDelivered(d.id, attempts, new Date(now()));
        report(d, "delivered");
        continue;
      }
      // An admin's test is answered at once: its first failure is the answer they wait for, not something to retry.
      const final = result.permanent || d.message.kind === "test";
      const next = final ? ({ dead: true } as const) : afterFailure(attempts, now(), (deps.random ?? Math.random)(), policy);
      await recordFailure(d.id, attempts, result.error, next.dead ? null : new Date(next.retryAt));
      report(d, next.dead ? "dead" : "retry", result.error);
    } catch (err) {
      // The database failed under this delivery: its lease runs out and a later pass takes it again.
      report(d, "retry", err instanceof Error ? err.message : String(err));
    }
  }
}

// Only for an incident's "opened" message on a route that allows it, made by the admin who set up that
// route (the grant is theirs), with the default expiry, audited as every share link is. The link waits in the
// outbox sealed like a channel secret: Uptrust otherwise keeps only a share token's hash.
async function shareLinkFor(
  d: PlannedDelivery, channels: readonly RoutingChannel[], baseUrl: string, now: Date, key: Buffer,
): Promise<string | null> {
  const owner = channels.find((c) => c.id === d.channelId)?.createdById;
  if (!owner || !d.subject.startsWith("incident:")) return null;
  try {
    const link = await createShareLink(d.subject.slice("incident:".length), owner, { view: "external", days: DEFAULT_SHARE_DAYS }, now);
    return link ? sealSecret(`${baseUrl}/share/${link.token}`, key) : null;
  } catch (err) {
    console.error(`[notify] no share link for ${d.subject}: ${err instanceof Error ? err.message : String(err)} (the message goes without one)`);
    return null;
  }
}
