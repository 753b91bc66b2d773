import { env } from "@/lib/env.ts";
import { metricsTokenProblem } from "@/lib/metrics/metrics-token.ts";
import { webMetrics } from "@/lib/metrics/web-metrics.ts";

export const dynamic = "force-dynamic";

// The web app's own metrics for the team's Prometheus (sign-ins, and the server process's CPU, memory and event
// loop), in the text exposition format. No session: Prometheus proves itself with UPTRUST_METRICS_TOKEN.
export async function GET(req: Request) {
  const problem = metricsTokenProblem(req.headers.get("authorization"), env().UPTRUST_METRICS_TOKEN);
  if (problem) return Response.json({ error: problem }, { status: 401, headers: { "www-authenticate": 'Bearer realm="uptrust-metrics"' } });
  const { registry } = webMetrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
