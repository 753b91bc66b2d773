import { z } from "zod";

export type MatrixSeries = { metric: Record<string, string>; values: [number, string][] };

const answer = z.object({
  status: z.literal("success"),
  data: z.object({
    resultType: z.literal("matrix"),
    result: z.array(z.object({ metric: z.record(z.string(), z.string()).default({}), values: z.array(z.tuple([z.number(), z.string()])) })),
  }),
});

export const PROMETHEUS_TIMEOUT_MS = 20_000;

// One /api/v1/query_range call (times in seconds), its answer validated. Errors name the query and what Prometheus
// said; a slow Prometheus is given up on after PROMETHEUS_TIMEOUT_MS rather than holding the analysis cycle.
export async function fetchMatrix(baseUrl: string, query: string, start: number, end: number, step: number): Promise<MatrixSeries[]> {
  const url = new URL("api/v1/query_range", baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  url.search = new URLSearchParams({ query, start: String(start), end: String(end), step: String(step) }).toString();
  // The URL's origin only: a base URL may carry credentials, which must not reach a page or a log.
  const res = await fetch(url, { signal: AbortSignal.timeout(PROMETHEUS_TIMEOUT_MS) }).catch((err: Error & { cause?: { code?: string } }) => {
    const why = err.name === "TimeoutError" ? `no answer within ${PROMETHEUS_TIMEOUT_MS / 1000} s` : (err.cause?.code ?? err.message);
    throw new Error(`Prometheus at ${url.host} did not answer: ${why}`);
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = typeof body === "object" && body && "error" in body ? String((body as { error: unknown }).error) : `status ${res.status}`;
    throw new Error(`Prometheus refused ${query}: ${error}`);
  }
  const parsed = answer.safeParse(body);
  if (!parsed.success) throw new Error(`Prometheus answered ${query} with something other than a range of values (a matrix)`);
  return parsed.data.data.result;
}
