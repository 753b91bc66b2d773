import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as k8s from "@kubernetes/client-node";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "./index.ts";
import { demoKubeconfig } from "./kubeconfig.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function until(check: () => boolean | Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(100);
  }
  return check();
}

// Three minutes of demo story: the checkout rollout has started crash-looping and the pod set holds still.
const steadyDemo = () => startEmulator({ speed: 600, leadMinutes: 3, seed: 11 });

const podNames = async (url: string) => {
  const list = await (await fetch(`${url}/api/v1/pods`)).json();
  return { names: list.items.map((p: k8s.V1Pod) => `${p.metadata!.namespace}/${p.metadata!.name}`).sort() as string[], rv: Number(list.metadata.resourceVersion) };
};

/** An informer the way a client library user runs one: restarted a moment after it reports an error. */
function podInformer(url: string) {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(JSON.stringify(demoKubeconfig(url)));
  const core = kc.makeApiClient(k8s.CoreV1Api);
  let lists = 0;
  const informer = k8s.makeInformer<k8s.V1Pod>(kc, "/api/v1/pods", () => (lists++, core.listPodForAllNamespaces()));
  informer.on("error", () => setTimeout(() => void informer.start().catch(() => undefined), 300));
  const names = () => informer.list().map((p) => `${p.metadata!.namespace}/${p.metadata!.name}`).sort();
  return { informer, names, lists: () => lists };
}

async function openWatch(url: string, rv?: number) {
  const res = await fetch(`${url}/api/v1/pods?watch=1${rv === undefined ? "" : `&resourceVersion=${rv}`}`);
  return { res, reader: res.body!.getReader() };
}

describe("faults an SRE's cluster throws at Uptrust", () => {
  it("dropWatches ends every open watch stream", async () => {
    emu = await steadyDemo();
    const a = await openWatch(emu.url);
    const b = await openWatch(emu.url, (await podNames(emu.url)).rv);
    expect((await a.reader.read()).done).toBe(false);
    emu.dropWatches();
    const drain = async (r: ReadableStreamDefaultReader<Uint8Array>) => {
      for (;;) if ((await r.read()).done) return true;
    };
    expect(await drain(a.reader)).toBe(true);
    expect(await drain(b.reader)).toBe(true);
  });

  it("forceGone answers a watch from an older resourceVersion with a 410 Expired ERROR event", async () => {
    emu = await steadyDemo();
    const stale = (await podNames(emu.url)).rv - 1;
    const before = await fetch(`${emu.url}/api/v1/pods?watch=1&resourceVersion=${stale}&timeoutSeconds=1`);
    expect(await before.text()).not.toMatch(/"code":410/);
    emu.forceGone();
    const res = await fetch(`${emu.url}/api/v1/pods?watch=1&resourceVersion=${stale}`);
    expect(JSON.parse((await res.text()).trim())).toMatchObject({ type: "ERROR", object: { kind: "Status", code: 410, reason: "Expired" } });
  });

  it("failNext throttles like API Priority and Fairness: 429, Retry-After and a Status body, then recovers", async () => {
    emu = await steadyDemo();
    emu.failNext({ status: 429, count: 2, retryAfterSeconds: 3, pathPrefix: "/api/v1/pods" });
    expect((await fetch(`${emu.url}/version`)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${emu.url}/api/v1/pods`);
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("3");
      expect(await res.json()).toMatchObject({ kind: "Status", status: "Failure", reason: "TooManyRequests", code: 429, details: { retryAfterSeconds: 3 } });
    }
    expect((await fetch(`${emu.url}/api/v1/pods`)).status).toBe(200);
  });

  it("failNext serves 503 with Retry-After and 500 as an InternalError Status", async () => {
    emu = await steadyDemo();
    emu.failNext({ status: 503, count: 1, retryAfterSeconds: 5 });
    const unavailable = await fetch(`${emu.url}/api/v1/nodes`);
    expect([unavailable.status, unavailable.headers.get("retry-after")]).toEqual([503, "5"]);
    expect(await unavailable.json()).toMatchObject({ kind: "Status", reason: "ServiceUnavailable", code: 503 });
    emu.failNext({ status: 500, count: 1 });
    const broken = await fetch(`${emu.url}/apis/apps/v1/deployments`);
    expect(broken.status).toBe(500);
    expect(await broken.json()).toMatchObject({ kind: "Status", reason: "InternalError", code: 500 });
    expect((await fetch(`${emu.url}/apis/apps/v1/deployments`)).status).toBe(200);
  });

  it("slow holds back matching requests while others are answered", async () => {
    emu = await steadyDemo();
    emu.slow({ delayMs: 1500, pathPrefix: "/api/v1/pods" });
    const order: string[] = [];
    const pods = fetch(`${emu.url}/api/v1/pods`).then((r) => (order.push("pods"), r.status));
    const version = fetch(`${emu.url}/version`).then((r) => (order.push("version"), r.status));
    expect(await Promise.all([pods, version])).toEqual([200, 200]);
    expect(order).toEqual(["version", "pods"]);
  });

  it("skewEventClock stamps new events with a node's wrong clock", async () => {
    emu = await startEmulator({ speed: 600, leadMinutes: 30, seed: 12 });
    const day = 24 * 3600_000;
    emu.skewEventClock(day);
    // The scenario clock is never ahead of the wall clock, so only the skew can date an event tomorrow.
    const future = async () => {
      const events = (await (await fetch(`${emu!.url}/api/v1/events`)).json()).items as k8s.CoreV1Event[];
      return events.filter((e) => Date.parse(String(e.lastTimestamp)) > Date.now() + day / 2).length;
    };
    expect(await until(async () => (await future()) > 0, 15_000)).toBe(true);
  }, 20_000);

  it("a client-node informer ends with the same pods as a fresh list after dropped watches, compaction and a restart", async () => {
    emu = await steadyDemo();
    const { informer, names, lists } = podInformer(emu.url);
    await informer.start();
    const agrees = async () => JSON.stringify(names()) === JSON.stringify((await podNames(emu!.url)).names);
    expect(await until(agrees, 10_000)).toBe(true);

    emu.dropWatches();
    expect(await until(agrees, 10_000)).toBe(true);

    const before = lists();
    emu.forceGone();
    expect(await until(async () => lists() > before && (await agrees()), 15_000)).toBe(true);

    const { rv } = await podNames(emu.url);
    await emu.restart();
    expect((await podNames(emu.url)).rv).toBeGreaterThanOrEqual(rv);
    expect(await until(agrees, 15_000)).toBe(true);
    expect(names().length).toBeGreaterThan(5);
    await informer.stop();
  }, 60_000);

  it("a new emulator process restored from a snapshot serves the same pods and resourceVersions", async () => {
    emu = await steadyDemo();
    const dir = mkdtempSync(join(tmpdir(), "uptrust-snapshot-"));
    const path = join(dir, "cluster.json");
    await emu.snapshot(path);
    const saved = JSON.parse(await import("node:fs/promises").then((fs) => fs.readFile(path, "utf8")));
    const savedPods = (saved.store.objects as { resource: string; object: k8s.V1Pod }[]).filter((o) => o.resource === "pods").map((o) => `${o.object.metadata!.namespace}/${o.object.metadata!.name}@${o.object.metadata!.resourceVersion}`);
    await emu.stop();
    emu = undefined;

    const child = spawn("npx", ["tsx", "workers/emulator/main.ts"], {
      env: { ...process.env, UPTRUST_EMULATOR_PORT: "0", UPTRUST_DATA_DIR: dir, UPTRUST_EMULATOR_RESTORE_FROM: path },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
          const m = /serving at (https?:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
      });
      const list = await (await fetch(`${url}/api/v1/pods`)).json();
      const served = list.items.map((p: k8s.V1Pod) => `${p.metadata!.namespace}/${p.metadata!.name}@${p.metadata!.resourceVersion}`);
      expect(served.sort()).toEqual(savedPods.sort());
      expect(Number(list.metadata.resourceVersion)).toBeGreaterThanOrEqual(saved.store.rv);
      // A watch from the snapshot's resourceVersion resumes instead of forcing a relist.
      const res = await fetch(`${url}/api/v1/pods?watch=1&resourceVersion=${saved.store.rv}&timeoutSeconds=1`);
      expect(await res.text()).not.toMatch(/"code":410/);
    } finally {
      // npx runs the emulator in a child of its own: end the whole group this test started.
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    }
  }, 60_000);
});
