import { z } from "zod";
import { isHttpUrl } from "../is-http-url.ts";
import { CHANNEL_TYPES, type ChannelType } from "./message.ts";
import { routeSchema } from "./route.ts";

// What an admin sends to add a channel, or to change one. The secret differs by type: Slack's webhook URL carries its own
// token, so the whole URL is the secret; PagerDuty's is the routing key; a webhook's is its signing secret.

const secretField = z.string().trim().min(1, "the secret is missing: the Slack webhook URL, the PagerDuty routing key or the webhook's signing secret").max(2000);
const settings = {
  url: z.string().trim().max(2000).optional(),
  route: routeSchema.default(routeSchema.parse({})),
  ratePerMinute: z.number().int().min(1, "ratePerMinute must be 1 to 1000").max(1000, "ratePerMinute must be 1 to 1000").default(20),
};
const unknownField = { error: (issue: { code: string; keys?: string[] }) => (issue.code === "unrecognized_keys" ? `unknown field ${issue.keys?.join(", ")}` : undefined) };

// What a channel of a type needs. The secret is checked only when one is given: an edit may keep the stored one.
function checkChannel(c: { type: ChannelType; url?: string; secret?: string }, ctx: z.RefinementCtx) {
  if (c.secret !== undefined) {
    if (c.type === "slack" && !isHttpUrl(c.secret)) {
      ctx.addIssue({ code: "custom", path: ["secret"], message: "for Slack the secret is the incoming webhook URL, https://hooks.slack.com/services/…" });
    }
    if (c.type === "pagerduty" && !/^[\w-]{8,64}$/.test(c.secret)) {
      ctx.addIssue({ code: "custom", path: ["secret"], message: "for PagerDuty the secret is the integration's routing key (32 letters and digits)" });
    }
    if (c.type === "webhook" && c.secret.length < 16) {
      ctx.addIssue({ code: "custom", path: ["secret"], message: "a webhook signing secret needs at least 16 characters (openssl rand -hex 32)" });
    }
  }
  if (c.type === "webhook" && !(c.url && isHttpUrl(c.url))) {
    ctx.addIssue({ code: "custom", path: ["url"], message: "a webhook needs the http(s) URL it posts to" });
  }
  if (c.url && !isHttpUrl(c.url)) ctx.addIssue({ code: "custom", path: ["url"], message: "url must be an http(s) URL" });
  if (c.type === "slack" && c.url) ctx.addIssue({ code: "custom", path: ["url"], message: "for Slack leave url empty: the webhook URL is the secret" });
}

export const channelInputSchema = z
  .strictObject(
    {
      name: z.string().trim().min(1, "name the channel, e.g. sre-slack").max(80, "a channel name has at most 80 characters"),
      type: z.enum(CHANNEL_TYPES, { error: "type must be slack, pagerduty or webhook" }),
      secret: secretField,
      ...settings,
    },
    unknownField,
  )
  .superRefine(checkChannel);
export type ChannelInput = z.infer<typeof channelInputSchema>;

export type ParsedInput = { ok: true; value: ChannelInput } | { ok: false; error: string };

export function parseChannelInput(body: unknown): ParsedInput {
  const parsed = channelInputSchema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: firstIssue(parsed.error, "the channel is not valid") };
}

// A change to a channel an admin added: its name and type stay (a new type needs a new secret: add a channel);
// everything else is replaced by what is sent, except the secret, which is kept unless a new one is given.
const channelEditSchema = z.strictObject({ secret: secretField.optional(), ...settings }, unknownField);
export type ChannelEdit = z.infer<typeof channelEditSchema>;

export function parseChannelEdit(body: unknown, type: ChannelType): { ok: true; value: ChannelEdit } | { ok: false; error: string } {
  const blankSecret = typeof body === "object" && body !== null && "secret" in body && String(body.secret ?? "").trim() === "";
  const parsed = channelEditSchema
    .superRefine((c, ctx) => checkChannel({ ...c, type }, ctx))
    .safeParse(blankSecret ? { ...(body as Record<string, unknown>), secret: undefined } : body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: firstIssue(parsed.error, "the change is not valid") };
}

function firstIssue(error: z.ZodError, fallback: string): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return issue ? `${where}${issue.message}` : fallback;
}
