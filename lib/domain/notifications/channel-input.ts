import { z } from "zod";
import { CHANNEL_TYPES } from "./message.ts";
import { routeSchema } from "./route.ts";

// What an admin sends to add a channel. The secret differs by type: Slack's webhook URL carries its own
// token, so the whole URL is the secret; PagerDuty's is the routing key; a webhook's is its signing secret.

const isHttpUrl = (v: string) => {
  try {
    const u = new URL(v);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
};

export const channelInputSchema = z
  .strictObject(
    {
      name: z.string().trim().min(1, "name the channel, e.g. sre-slack").max(80, "a channel name has at most 80 characters"),
      type: z.enum(CHANNEL_TYPES, { error: "type must be slack, pagerduty or webhook" }),
      url: z.string().trim().max(2000).optional(),
      secret: z.string().trim().min(1, "the secret is missing: the Slack webhook URL, the PagerDuty routing key or the webhook's signing secret").max(2000),
      route: routeSchema.default(routeSchema.parse({})),
      ratePerMinute: z.number().int().min(1, "ratePerMinute must be 1 to 1000").max(1000, "ratePerMinute must be 1 to 1000").default(20),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown field ${issue.keys.join(", ")}` : undefined) },
  )
  .superRefine((c, ctx) => {
    if (c.type === "slack" && !isHttpUrl(c.secret)) {
      ctx.addIssue({ code: "custom", path: ["secret"], message: "for Slack the secret is the incoming webhook URL, https://hooks.slack.com/services/…" });
    }
    if (c.type === "pagerduty" && !/^[\w-]{8,64}$/.test(c.secret)) {
      ctx.addIssue({ code: "custom", path: ["secret"], message: "for PagerDuty the secret is the integration's routing key (32 letters and digits)" });
    }
    if (c.type === "webhook" && c.secret.length < 16) {
      ctx.addIssue({ code: "custom", path: ["secret"], message: "a webhook signing secret needs at least 16 characters (openssl rand -hex 32)" });
    }
    if (c.type === "webhook" && !(c.url && isHttpUrl(c.url))) {
      ctx.addIssue({ code: "custom", path: ["url"], message: "a webhook needs the http(s) URL it posts to" });
    }
    if (c.url && !isHttpUrl(c.url)) ctx.addIssue({ code: "custom", path: ["url"], message: "url must be an http(s) URL" });
    if (c.type === "slack" && c.url) ctx.addIssue({ code: "custom", path: ["url"], message: "for Slack leave url empty: the webhook URL is the secret" });
  });
export type ChannelInput = z.infer<typeof channelInputSchema>;

export type ParsedInput = { ok: true; value: ChannelInput } | { ok: false; error: string };

export function parseChannelInput(body: unknown): ParsedInput {
  const parsed = channelInputSchema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return { ok: false, error: issue ? `${where}${issue.message}` : "the channel is not valid" };
}
