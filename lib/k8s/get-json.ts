import { HttpMethod, RequestContext, type KubeConfig } from "@kubernetes/client-node";
import { fetch } from "undici";

export class KubeRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "KubeRequestError";
  }
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
  if (response.status !== 200) throw new KubeRequestError(`GET ${path}: HTTP ${response.status} ${text.slice(0, 200)}`, response.status);
  return JSON.parse(text) as unknown;
}
