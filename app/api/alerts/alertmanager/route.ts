import { recordAlerts } from "@/lib/db/alerts/record-alerts.ts";
import { alertFacts, alertmanagerWebhook } from "@/lib/domain/alertmanager-webhook.ts";
import { env } from "@/lib/env.ts";
import { bearerTokenProblem } from "@/lib/http/bearer-token.ts";
import { readCappedBody } from "@/lib/http/read-capped-body.ts";
import { formatIssues } from "@/lib/slo/slo-spec.ts";

export const dynamic = "force-dynamic";

// A notification of at most 1000 alerts with their labels and annotations fits well within this.
const MAX_BODY_BYTES = 1024 * 1024;

// Alertmanager's webhook receiver: its firing alerts become incident signals on the workloads they name
// (workers/analyze/detect-incidents.ts reads them). No session and no cross-site check: this is a machine
// route, and Alertmanager proves itself with UPTRUST_ALERTMANAGER_TOKEN as a bearer token (webhook_config's
// http_config.authorization), compared in constant time. Unset, the route answers 401 to everyone.
export async function POST(req: Request) {
  const settings = env();
  const problem = bearerTokenProblem(req.headers.get("authorization"), settings.UPTRUST_ALERTMANAGER_TOKEN, {
    setting: "UPTRUST_ALERTMANAGER_TOKEN",
    off: "the Alertmanager receiver is off: set UPTRUST_ALERTMANAGER_TOKEN and give Alertmanager the same value as a bearer token",
    howToSend: "Alertmanager webhook_config: http_config: {authorization: {credentials: ...}}",
  });
  if (problem) return Response.json({ error: problem }, { status: 401, headers: { "www-authenticate": 'Bearer realm="uptrust-alertmanager"' } });
  const body = await readCappedBody(req, MAX_BODY_BYTES, (bytes) => `a notification of ${bytes} bytes is larger than the ${MAX_BODY_BYTES} accepted; lower max_alerts in webhook_config`);
  if ("error" in body) return Response.json({ error: body.error }, { status: body.status });
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return Response.json({ error: "the body must be Alertmanager's webhook JSON (version 4); this is not JSON" }, { status: 400 });
  }
  const parsed = alertmanagerWebhook.safeParse(json);
  if (!parsed.success) return Response.json({ error: formatIssues(parsed.error) }, { status: 400 });
  const receivedAt = new Date();
  const recorded = await recordAlerts(alertFacts(parsed.data, receivedAt), settings.UPTRUST_ALERTMANAGER_CLUSTER, receivedAt);
  for (const u of recorded.unmatched) console.warn(`alertmanager: alert ${u.alertname} (${u.fingerprint}) is stored unmatched: ${u.problem}`);
  return Response.json({ ...recorded, truncatedAlerts: parsed.data.truncatedAlerts });
}
