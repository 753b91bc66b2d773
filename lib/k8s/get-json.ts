import { HttpMethod, RequestContext, type KubeConfig } from "@kubernetes/client-node";
import { fetch } from "undici";

export class KubeRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** What a 429 or 503 asked for in Retry-After, in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "KubeRequestError";
  }
}

/** Retry-After in seconds (the API server sends seconds, never an HTTP date), capped at 10 minutes. */
export function parseRetryAfter(header: string | null): number | undefined {
  const n = header === null ? NaN : Number(header.trim());
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 600) : undefined;
}

/** GET one API path as JSON with the context's credentials; a non-200 answer throws with its status. */
export async function getJson(kc: KubeConfig, path: string, signal?: AbortSignal): Promise<unknown> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error("kubeconfig has no current cluster");
  const url = `${cluster.server.replace(/\/$/, "")}${path}`;
  const ctx = new RequestContext(url, HttpMethod.GET);
  await kc.applySecurityAuthentication(ctx);
  const response = await fetch(url, { headers: ctx.getHeaders(), dispatcher: ctx.getDispatcher(), signal: signal ?? AbortSignal.timeout(30_000) });
  const text = await response.text();
  if (response.status !== 200) {
    throw new KubeRequestError(`GET ${path}: HTTP ${response.status} ${text.slice(0, 200)}`, response.status, parseRetryAfter(response.headers.get("retry-after")));
  }
  return JSON.parse(text) as unknown;
}
