import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, sendJson } from "./api-client.ts";
import { ApiError } from "./api-error.ts";

// A real HTTP server answers the way Uptrust's routes do, so the client is tested on the wire.
let server: Server;
let base = "";
const seen: { url: string; method: string; background: string | undefined; type: string | undefined; body: string }[] = [];

function record(req: IncomingMessage, body: string) {
  seen.push({ url: req.url ?? "", method: req.method ?? "", background: req.headers["x-uptrust-background"] as string | undefined, type: req.headers["content-type"], body });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      record(req, body);
      if (req.url === "/refused") {
        res.writeHead(409, { "content-type": "application/json" }).end(JSON.stringify({ error: "nothing to apply: every change is held", notes: ["held by checkout-availability"] }));
      } else if (req.url === "/login-page") {
        res.writeHead(200, { "content-type": "text/html" }).end("<html>sign in</html>");
      } else if (req.url === "/broken") {
        res.writeHead(502, { "content-type": "text/plain" }).end("bad gateway");
      } else {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, echoed: body }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the browser's API client", () => {
  it("a refusal arrives as the server's own sentence, with the rest of its answer kept for the form", async () => {
    const err = await sendJson("POST", `${base}/refused`, { id: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe("nothing to apply: every change is held");
    expect((err as ApiError).status).toBe(409);
    expect((err as ApiError).body).toMatchObject({ notes: ["held by checkout-availability"] });
  });

  it("a page of HTML where data was expected is never shown as data", async () => {
    await expect(getJson(`${base}/login-page`)).rejects.toThrow("the server answered 200");
    await expect(getJson(`${base}/broken`)).rejects.toThrow("the server answered 502");
  });

  it("a poll nobody touched is marked background; one after a keypress is not, and a person's change never is", async () => {
    seen.length = 0;
    await getJson(`${base}/poll`, { live: true });
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "j" }));
    await getJson(`${base}/poll`, { live: true });
    await getJson(`${base}/poll`, { live: true });
    await sendJson("POST", `${base}/change`, { note: "rolled back" });
    expect(seen.map((r) => r.background ?? "person")).toEqual(["1", "person", "1", "person"]);
  });

  it("sends JSON, or a file as the type it already is", async () => {
    seen.length = 0;
    await sendJson("POST", `${base}/slos`, { target: 0.99 });
    await sendJson("POST", `${base}/import`, "apiVersion: sloth.slok.dev/v1\n", "application/yaml");
    expect(seen.map((r) => [r.type, r.body])).toEqual([
      ["application/json", '{"target":0.99}'],
      ["application/yaml", "apiVersion: sloth.slok.dev/v1\n"],
    ]);
  });
});
