import { HttpMethod, RequestContext, type KubeConfig } from "@kubernetes/client-node";
import { fetch } from "undici";
import { podLogPath } from "./ingest-api-paths.ts";

// Streams one container's log (follow + timestamps) line by line. Uptrust reads the body itself rather
// than through the client's Log helper, whose piped stream has no error handler: a cluster dropping the
// connection mid-stream would otherwise crash the whole worker instead of ending one follower.

/** Longer than any line the parser keeps (16 KiB), so cutting here never changes what is stored. */
export const MAX_HELD = 64 * 1024;

export type FollowRequest = { namespace: string; pod: string; container: string; sinceTime?: Date };
export type FollowEnd = { reason: "ended" | "aborted" | "budget"; bytes: number };

export class LogRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "LogRequestError";
  }
}

export async function followLog(
  kc: KubeConfig,
  req: FollowRequest,
  onLine: (line: string) => void,
  options: { signal: AbortSignal; byteBudget: number },
): Promise<FollowEnd> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error("kubeconfig has no current cluster");
  const url = new URL(`${cluster.server.replace(/\/$/, "")}${podLogPath(req.namespace, req.pod)}`);
  url.searchParams.set("container", req.container);
  url.searchParams.set("follow", "true");
  url.searchParams.set("timestamps", "true");
  // sinceTime has whole-second precision: the caller drops lines it already stored.
  if (req.sinceTime) url.searchParams.set("sinceTime", `${req.sinceTime.toISOString().slice(0, 19)}Z`);
  const ctx = new RequestContext(url.toString(), HttpMethod.GET);
  await kc.applySecurityAuthentication(ctx);
  const response = await fetch(url, { headers: ctx.getHeaders(), dispatcher: ctx.getDispatcher(), signal: options.signal });
  if (response.status !== 200 || !response.body) {
    const body = await response.text().catch(() => "");
    let message = body.slice(0, 300);
    try {
      message = (JSON.parse(body) as { message?: string }).message ?? message;
    } catch {
      /* not a Status object */
    }
    throw new LogRequestError(`log of ${req.namespace}/${req.pod}/${req.container}: HTTP ${response.status} ${message}`, response.status);
  }
  // Invalid UTF-8 becomes U+FFFD (the decoder is not fatal). A line is held only up to MAX_HELD
  // characters: a container writing megabytes without a newline cannot grow the worker's memory, the
  // line is cut there (the parser marks it truncated) and the remainder skipped up to the next newline.
  const decoder = new TextDecoder();
  let bytes = 0;
  let rest = "";
  let skippingOverlong = false;
  try {
    for await (const chunk of response.body) {
      bytes += chunk.byteLength;
      let text = decoder.decode(chunk, { stream: true });
      if (skippingOverlong) {
        const nl = text.indexOf("\n");
        if (nl < 0) continue;
        skippingOverlong = false;
        text = text.slice(nl + 1);
      }
      const lines = (rest + text).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) onLine(line);
      if (rest.length > MAX_HELD) {
        onLine(rest.slice(0, MAX_HELD));
        rest = "";
        skippingOverlong = true;
      }
      // Leaving the loop cancels the body, which closes the connection.
      if (bytes > options.byteBudget) return { reason: "budget", bytes };
    }
  } catch (err) {
    if (options.signal.aborted) return { reason: "aborted", bytes };
    throw err;
  }
  if (rest) onLine(rest);
  return { reason: "ended", bytes };
}
