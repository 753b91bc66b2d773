import { bearerTokenProblem } from "@/lib/http/bearer-token.ts";

// Prometheus proves itself with UPTRUST_METRICS_TOKEN as a bearer token: the web app's metrics name no person or
// cluster, but its sign-in counts and process figures are still nobody else's business. Compared in constant time.
export function metricsTokenProblem(authorization: string | null, configured: string | undefined): string | null {
  return bearerTokenProblem(authorization, configured, {
    setting: "UPTRUST_METRICS_TOKEN",
    off: "metrics are off: set UPTRUST_METRICS_TOKEN and give Prometheus the same value as a bearer token",
    howToSend: "Prometheus: authorization: {credentials: ...}",
  });
}
