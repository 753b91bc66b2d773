import type { TransitionKind } from "./transitions.ts";

// One transition as every channel tells it. Built once when the transition is found and stored in the
// outbox without any secret; each channel's body is rendered from it when it is sent.

export type ChannelType = "slack" | "pagerduty" | "webhook";
export const CHANNEL_TYPES: readonly ChannelType[] = ["slack", "pagerduty", "webhook"];

/** A transition, or "test": a message an admin asks for to see that a channel works. */
export type MessageKind = TransitionKind | "test";

export type NotificationMessage = {
  /** incident:<id>, slo:<id> or test:<channel id>: what PagerDuty's dedup key and the webhook's receivers follow. */
  subject: string;
  kind: MessageKind;
  title: string;
  severity: string;
  status: string;
  cluster: string;
  /** "Deployment shop/checkout", or null when the incident names no workload. */
  workload: string | null;
  /** The most likely cause's title, as the incident page words it; null when none stands out. */
  cause: string | null;
  url: string;
  shareUrl: string | null;
  /** When the transition happened (ISO, cluster time). */
  at: string;
};

const WHAT: Record<MessageKind, (m: NotificationMessage) => string> = {
  opened: (m) => `[${m.severity}] Incident opened: ${m.title}`,
  escalated: (m) => `[${m.severity}] Incident escalated to ${m.severity}: ${m.title}`,
  acknowledged: (m) => `[${m.severity}] Incident acknowledged: ${m.title}`,
  resolved: (m) => `Incident resolved: ${m.title}`,
  "slo-paging": (m) => `[page] SLO ${m.title} is burning its error budget fast enough to page`,
  "slo-recovered": (m) => `SLO ${m.title} stopped paging`,
  test: (m) => `Test message from Uptrust to ${m.title}: this channel works`,
};

/** The one line every channel leads with: what happened, to what, where. */
export function headline(m: NotificationMessage): string {
  if (m.kind === "test") return WHAT.test(m);
  return `${WHAT[m.kind](m)} — ${m.workload ? `${m.workload} in ${m.cluster}` : `cluster ${m.cluster}`}`;
}

// Slack's mrkdwn treats &, < and > as control characters: escaped, a title cannot inject a link or mention.
const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function slackBody(m: NotificationMessage): { text: string } {
  const lines = [
    `*${slackEscape(headline(m))}*`,
    m.cause ? `Likely cause: ${slackEscape(m.cause)}` : null,
    `<${m.url}|Open in Uptrust>${m.shareUrl ? ` · <${m.shareUrl}|Share link>` : ""}`,
  ];
  return { text: lines.filter(Boolean).join("\n") };
}

export type PagerDutyAction = "trigger" | "acknowledge" | "resolve";
// A test triggers an info alert that is resolved at once (send-delivery.ts): it proves the routing key without
// leaving an open alert behind.
const PD_ACTION: Record<MessageKind, PagerDutyAction> = {
  opened: "trigger",
  escalated: "trigger",
  acknowledged: "acknowledge",
  resolved: "resolve",
  "slo-paging": "trigger",
  "slo-recovered": "resolve",
  test: "trigger",
};
const PD_SEVERITY: Record<string, "critical" | "error" | "warning" | "info"> = { sev1: "critical", sev2: "error", sev3: "warning", sev4: "info" };

/** One Uptrust incident or SLO is one PagerDuty alert: the key never changes over its life. */
export const pagerDutyDedupKey = (m: Pick<NotificationMessage, "subject">) => `uptrust:${m.subject}`;

// PagerDuty Events API v2: a trigger carries the payload; acknowledge and resolve only the key. A trigger
// with a key PagerDuty already holds updates that alert (escalation) instead of opening another.
export function pagerDutyBody(m: NotificationMessage, routingKey: string, action: PagerDutyAction = PD_ACTION[m.kind]) {
  const base = { routing_key: routingKey, event_action: action, dedup_key: pagerDutyDedupKey(m) };
  if (action !== "trigger") return base;
  return {
    ...base,
    payload: {
      summary: headline(m).slice(0, 1024),
      source: m.kind === "test" ? "uptrust" : m.workload ? `${m.cluster}/${m.workload}` : m.cluster,
      severity: PD_SEVERITY[m.severity] ?? "error",
      timestamp: m.at,
      component: m.workload ?? undefined,
      group: m.cluster || undefined,
      class: m.kind === "test" ? "test" : m.kind.startsWith("slo") ? "slo" : "incident",
      custom_details: { cause: m.cause, status: m.status },
    },
    links: [{ href: m.url, text: "Open in Uptrust" }, ...(m.shareUrl ? [{ href: m.shareUrl, text: "Share link" }] : [])],
  };
}

/** The generic webhook's JSON: the message as stored, with an event name receivers can switch on. */
export function webhookBody(m: NotificationMessage) {
  const event = m.kind === "test" ? "test" : m.kind.startsWith("slo") ? m.kind.replace("slo-", "slo.") : `incident.${m.kind}`;
  return { event, headline: headline(m), ...m };
}

/** The message an admin's "Send test" queues for one channel: it names the channel and who asked, and links to the admin page. */
export function testMessage(channel: { id: string; name: string }, requestedBy: string, baseUrl: string, at: Date): NotificationMessage {
  return {
    subject: `test:${channel.id}`, kind: "test", title: channel.name, severity: "sev4", status: `sent at ${requestedBy}'s request`,
    cluster: "", workload: null, cause: null, url: `${baseUrl}/admin/notifications`, shareUrl: null, at: at.toISOString(),
  };
}
