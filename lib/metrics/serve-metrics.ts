import { createServer, type Server } from "node:http";
import type { Registry } from "prom-client";

export type MetricsServer = { port: number; close: () => Promise<void> };

// A worker's own metrics for the team's Prometheus: GET /metrics in the text exposition format, nothing else.
// It listens on its own port so a NetworkPolicy can open it to Prometheus alone; it reads no data and changes
// nothing, so it needs no session.
export async function serveMetrics(registry: Registry, port: number, host = "0.0.0.0"): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("only GET /metrics is served here\n");
      return;
    }
    if (path !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Uptrust serves its metrics at /metrics\n");
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": registry.contentType }).end(req.method === "HEAD" ? undefined : text),
      (err: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(`metrics could not be collected: ${err instanceof Error ? err.message : err}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: address && typeof address !== "string" ? address.port : port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A worker's metrics server as its main starts it: none when the port setting is unset; a port that cannot be
 * listened on stops the worker (exit 2) with a sentence naming the setting, since a team that set it expects the scrape.
 */
export async function serveWorkerMetrics(worker: string, registry: Registry, port: number | undefined, setting: string): Promise<MetricsServer | null> {
  if (port === undefined) return null;
  return serveMetrics(registry, port).catch((err: unknown) => {
    console.error(`[${worker}] cannot serve metrics on port ${port} (${setting}): ${err instanceof Error ? err.message : err}`);
    return process.exit(2);
  });
}
