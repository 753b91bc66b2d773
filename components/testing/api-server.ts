import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, vi } from "vitest";

export type Received = { method: string; path: string; search: string; type: string | undefined; body: string };
export type Answer = { status: number; json: unknown };
export type Route = (req: Received) => Answer | Promise<Answer>;

// A real HTTP server standing in for Uptrust's API in component tests: requests leave the component through
// the real API client and fetch, and each route answers with what the production code computes for it.
// Relative URLs (what components use) are resolved against it, as a browser resolves them against the page.
export function apiServer(routes: Record<string, Route>) {
  const received: Received[] = [];
  let server: Server;
  let base = "";
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", async () => {
        const url = new URL(req.url ?? "/", "http://x");
        const got: Received = { method: req.method ?? "GET", path: url.pathname, search: url.search, type: req.headers["content-type"], body };
        received.push(got);
        const route = routes[`${got.method} ${got.path}`];
        const answer = route ? await route(got) : { status: 404, json: { error: `no route for ${got.method} ${got.path}` } };
        res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.json));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    vi.stubGlobal("fetch", (input: string | URL, init?: RequestInit) => realFetch(new URL(String(input), base), init));
  });
  afterEach(() => void (received.length = 0));
  afterAll(async () => {
    vi.unstubAllGlobals();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { received };
}
