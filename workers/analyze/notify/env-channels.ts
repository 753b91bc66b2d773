import type { EnvChannel } from "@/lib/db/notifications/sync-env-channels.ts";
import type { Env } from "@/lib/env.ts";

// The channels the settings define, named so the admin page says where they come from.
export function envChannels(env: Env): EnvChannel[] {
  const out: EnvChannel[] = [];
  if (env.UPTRUST_SLACK_WEBHOOK_URL) out.push({ name: "Slack (UPTRUST_SLACK_WEBHOOK_URL)", type: "slack", url: null, secret: env.UPTRUST_SLACK_WEBHOOK_URL });
  if (env.UPTRUST_PAGERDUTY_ROUTING_KEY) {
    out.push({ name: "PagerDuty (UPTRUST_PAGERDUTY_ROUTING_KEY)", type: "pagerduty", url: env.UPTRUST_PAGERDUTY_EVENTS_URL, secret: env.UPTRUST_PAGERDUTY_ROUTING_KEY });
  }
  if (env.UPTRUST_WEBHOOK_URL && env.UPTRUST_WEBHOOK_SECRET) {
    out.push({ name: "Webhook (UPTRUST_WEBHOOK_URL)", type: "webhook", url: env.UPTRUST_WEBHOOK_URL, secret: env.UPTRUST_WEBHOOK_SECRET });
  }
  return out;
}
