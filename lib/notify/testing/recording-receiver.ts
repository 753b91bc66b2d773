import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { path: string; headers: IncomingHttpHeaders; body: string; json: unknown };

/**
 * A real HTTP receiver for tests: records every request and answers each path with the statuses queued for it
 * (the last one repeats; 202 when none), the way Slack, PagerDuty or a team's webhook endpoint would.
 */
export async function startRecordingReceiver(statuses: Record<string, number[]> = {}) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body, json });
      const queue = statuses[path] ?? [];
      const status = (queue.length > 1 ? queue.shift() : queue[0]) ?? 202;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(status < 300 ? { status: "success" } : { error: "down" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
