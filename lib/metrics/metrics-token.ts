import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest();

// Prometheus proves itself with UPTRUST_METRICS_TOKEN as a bearer token: the web app's metrics name no person or
// cluster, but its sign-in counts and process figures are still nobody else's business. Compared in constant time.
export function metricsTokenProblem(authorization: string | null, configured: string | undefined): string | null {
  if (!configured) return "metrics are off: set UPTRUST_METRICS_TOKEN and give Prometheus the same value as a bearer token";
  const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1]?.trim();
  if (!given) return "send UPTRUST_METRICS_TOKEN as a bearer token (Prometheus: authorization: {credentials: ...})";
  return timingSafeEqual(digest(given), digest(configured)) ? null : "the bearer token is not UPTRUST_METRICS_TOKEN";
}
