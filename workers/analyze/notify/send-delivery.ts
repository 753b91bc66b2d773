import type { ClaimedDelivery } from "@/lib/db/notifications/outbox.ts";
import { pagerDutyBody, slackBody, webhookBody } from "@/lib/domain/notifications/message.ts";
import { SIGNATURE_HEADER, signatureHeader } from "@/lib/notify/sign-webhook.ts";
import { openSecret, redactSecrets } from "@/lib/notify/secret-box.ts";

export type SendResult = { ok: true } | { ok: false; error: string; permanent: boolean };
export type SendContext = { key: Buffer; pagerDutyEventsUrl: string; now: number; signal: AbortSignal; timeoutMs?: number };

type Request = { url: string; body: string; headers: Record<string, string> };

const JSON_HEADERS = { "content-type": "application/json", "user-agent": "Uptrust-Notifier" };

function requestFor(d: ClaimedDelivery, secret: string, ctx: SendContext): Request {
  if (d.channelType === "slack") return { url: secret, body: JSON.stringify(slackBody(d.message)), headers: JSON_HEADERS };
  if (d.channelType === "pagerduty") {
    return { url: d.url ?? ctx.pagerDutyEventsUrl, body: JSON.stringify(pagerDutyBody(d.message, secret)), headers: JSON_HEADERS };
  }
  const body = JSON.stringify(webhookBody(d.message));
  // The delivery id lets a receiver drop a message it already took (a worker that died before recording the send).
  return { url: d.url ?? "", body, headers: { ...JSON_HEADERS, [SIGNATURE_HEADER]: signatureHeader(secret, body, ctx.now), "uptrust-delivery": d.id } };
}

// 408 and 429 say "later"; other 4xx say the request itself is wrong (a revoked routing key, a deleted Slack
// webhook): retrying cannot help, so it goes to the dead letter at once for an admin to fix.
const permanent = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/** One attempt at one delivery. Whatever the receiver or the network says, nothing of the secret leaves in the error. */
export async function sendDelivery(d: ClaimedDelivery, ctx: SendContext): Promise<SendResult> {
  let secret = "";
  try {
    secret = openSecret(d.secretEnc, ctx.key);
    const message = { ...d.message, shareUrl: d.message.shareUrl === null ? null : openSecret(d.message.shareUrl, ctx.key) };
    const sent = await post(requestFor({ ...d, message }, secret, ctx), ctx, secret);
    if (!sent.ok || !(d.channelType === "pagerduty" && message.kind === "test")) return sent;
    // A PagerDuty test resolves the alert it triggered. Were that to fail, sending the test again would page again,
    // so the failure is final and says what is left to do.
    const resolve = { url: d.url ?? ctx.pagerDutyEventsUrl, body: JSON.stringify(pagerDutyBody(message, secret, "resolve")), headers: JSON_HEADERS };
    const resolved = await post(resolve, ctx, secret).catch((err: unknown) => thrown(err, secret));
    return resolved.ok ? resolved : { ok: false, permanent: true, error: `the test alert was triggered but not resolved (${resolved.error}): resolve it in PagerDuty` };
  } catch (err) {
    return thrown(err, secret);
  }
}

// A network failure or timeout: worth retrying, and said with its cause (ECONNREFUSED, a DNS name not found).
function thrown(err: unknown, secret: string): SendResult {
  const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : "";
  const message = err instanceof Error ? `${err.message}${cause}` : String(err);
  return { ok: false, permanent: false, error: redactSecrets(message, [secret]) };
}

async function post(req: Request, ctx: SendContext, secret: string): Promise<SendResult> {
  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(ctx.timeoutMs ?? 10_000)]);
  const res = await fetch(req.url, { method: "POST", headers: req.headers, body: req.body, signal, redirect: "manual" });
  if (res.ok) {
    await res.body?.cancel();
    return { ok: true };
  }
  const text = (await res.text().catch(() => "")).slice(0, 200);
  return { ok: false, permanent: permanent(res.status), error: redactSecrets(`HTTP ${res.status}${text ? `: ${text}` : ""}`, [secret]) };
}
