import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoKubeconfig } from "@/workers/emulator/kubeconfig.ts";
import { followLog, MAX_HELD } from "./follow-log.ts";

// A container that writes what real ones do on a bad day: a megabyte on one line, in many chunks, and
// bytes that are not UTF-8. The follower hands over bounded lines and goes on with the next one.
let server: Server;
let kc: KubeConfig;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.write("2026-12-01T10:00:00.000Z starting\n");
    res.write("2026-12-01T10:00:01.000Z ");
    for (let i = 0; i < 64; i++) res.write("y".repeat(16 * 1024)); // 1 MiB, no newline yet
    res.write("\n2026-12-01T10:00:02.000Z caf");
    res.write(Buffer.from([0xc3])); // half of "é", then an invalid byte
    res.write(Buffer.from([0xff, 0x0a]));
    res.end("2026-12-01T10:00:03.000Z done\n");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  kc = new KubeConfig();
  kc.loadFromString(JSON.stringify(demoKubeconfig(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("following a container's log", () => {
  it("cuts a 1 MiB line at a bounded length, replaces invalid UTF-8 and keeps reading", async () => {
    const lines: string[] = [];
    const end = await followLog(kc, { namespace: "shop", pod: "p", container: "c" }, (l) => lines.push(l), { signal: new AbortController().signal, byteBudget: 8 << 20 });
    expect(end.reason).toBe("ended");
    expect(lines[0]).toBe("2026-12-01T10:00:00.000Z starting");
    expect(lines[1].length).toBe(MAX_HELD);
    expect(lines[1].startsWith("2026-12-01T10:00:01.000Z yyyy")).toBe(true);
    expect(lines.slice(2)).toEqual(["2026-12-01T10:00:02.000Z caf\uFFFD\uFFFD", "2026-12-01T10:00:03.000Z done"]);
  });
});
