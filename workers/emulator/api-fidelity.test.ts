import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installKindsFixture } from "./kinds-fixture.ts";
import { LogStore } from "./logs.ts";
import { handle } from "./routes.ts";
import { Store, type KObj } from "./store.ts";

// What a client library (client-go, @kubernetes/client-node) relies on beyond kubectl's happy paths:
// list consistency, watch semantics, log options and the exact Status of each error.
const T0 = Date.parse("2025-06-01T12:00:00Z");
const writer = { manager: "test", time: T0 };
let store: Store;
let logs: LogStore;
let server: Server;
let base: string;

const pod = (name: string, containers: string[]): KObj => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "shop", uid: `uid-${name}`, creationTimestamp: "2025-06-01T11:00:00Z", labels: { app: name.split("-")[0] } },
  spec: { nodeName: "node-a", containers: containers.map((c) => ({ name: c, image: `${c}:1` })) },
  status: { phase: "Running", containerStatuses: containers.map((c) => ({ name: c, ready: true, restartCount: 0, state: { running: { startedAt: "2025-06-01T11:00:00Z" } } })) },
});
const get = async (path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: await res.json(), headers: res.headers };
};
const text = async (path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: await res.text() };
};
/** Reads a watch stream until `done` says enough, or the server ends it. */
async function watch(path: string, done: (events: { type: string; object: KObj }[]) => boolean, timeoutMs = 3_000) {
  const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
  const events: { type: string; object: KObj }[] = [];
  let buffer = "";
  let ended = false;
  const decoder = new TextDecoder();
  const reader = res.body!.getReader();
  try {
    while (!done(events)) {
      const { value, done: eof } = await reader.read();
      if (eof) {
        ended = true;
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      const lines = buffer.split("\n");
      buffer = lines.pop()!;
      for (const l of lines) if (l.trim()) events.push(JSON.parse(l));
    }
  } finally {
    if (!ended) await reader.cancel().catch(() => {});
  }
  return { events, ended };
}

beforeAll(async () => {
  store = new Store(50);
  logs = new LogStore();
  installKindsFixture(store, T0);
  store.create("pods", pod("checkout-a", ["checkout", "envoy"]), writer);
  store.create("pods", pod("frontend-a", ["frontend"]), writer);
  for (let i = 0; i < 5; i++) logs.append("shop/frontend-a", "frontend", 0, T0 - (5 - i) * 60_000, `GET /products/${i} 200`);
  const ctx = { store, logs, runs: new Map(), now: () => T0, host: () => "127.0.0.1", openWatches: new Set<() => void>(), bookmarkEveryMs: 100 };
  server = createServer((req, res) => handle(ctx, req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

describe("lists at a resourceVersion", () => {
  it("serves the state of an exact revision, and the newest for NotOlderThan", async () => {
    const before = (await get("/api/v1/namespaces/shop/configmaps")).body.metadata.resourceVersion;
    store.update("configmaps", "shop", "checkout-config", writer, (c) => (c.data.LOG_LEVEL = "debug"));
    const exact = await get(`/api/v1/namespaces/shop/configmaps?resourceVersion=${before}&resourceVersionMatch=Exact`);
    expect(exact.body.metadata.resourceVersion).toBe(before);
    expect(exact.body.items[0].data.LOG_LEVEL).toBe("info");
    const fresh = await get(`/api/v1/namespaces/shop/configmaps?resourceVersion=${before}&resourceVersionMatch=NotOlderThan`);
    expect(fresh.body.items[0].data.LOG_LEVEL).toBe("debug");
  });

  it("answers a future revision with 504 and a forbidden combination with 422", async () => {
    const future = await get("/api/v1/pods?resourceVersion=999999&resourceVersionMatch=NotOlderThan");
    expect(future.status).toBe(504);
    expect(future.body).toMatchObject({ reason: "Timeout", message: expect.stringMatching(/^Too large resource version: 999999, current: \d+$/) });
    // A watch from a version the server has not reached (another cluster's) gets the same answer, so the client relists.
    const watchFuture = await get("/api/v1/pods?watch=true&resourceVersion=999999");
    expect(watchFuture.status).toBe(504);
    expect(watchFuture.body.details.causes).toEqual([{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }]);
    const invalid = await get("/api/v1/pods?resourceVersionMatch=Exact");
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ reason: "Invalid", message: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided' });
  });

  it("expires a continue token once its revision is compacted away", async () => {
    const first = await get("/apis/rbac.authorization.k8s.io/v1/clusterroles?limit=1");
    expect(first.body.metadata.continue).toBeUndefined();
    const page = await get("/api/v1/services?limit=1");
    for (let i = 0; i < 60; i++) store.update("configmaps", "shop", "checkout-config", writer, (c) => (c.data.N = String(i)));
    const late = await get(`/api/v1/services?limit=1&continue=${page.body.metadata.continue}`);
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ kind: "Status", code: 410, reason: "Expired" });
    const old = await get(`/api/v1/services?resourceVersion=1&resourceVersionMatch=Exact`);
    expect(old.status).toBe(410);
  });
});

describe("watches", () => {
  it("ends a watch from a compacted revision with a 410 ERROR event", async () => {
    const { events } = await watch("/api/v1/namespaces/shop/configmaps?watch=true&resourceVersion=1", (e) => e.length > 0);
    expect(events[0]).toMatchObject({ type: "ERROR", object: { kind: "Status", code: 410, reason: "Expired" } });
  });

  it("sends the initial state, then a bookmark marking its end, for a watch-list", async () => {
    const { events } = await watch("/api/v1/namespaces/shop/pods?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true", (e) => e.some((x) => x.type === "BOOKMARK"));
    expect(events.map((e) => e.type)).toEqual(["ADDED", "ADDED", "BOOKMARK"]);
    expect(events[2].object.metadata.annotations).toEqual({ "k8s.io/initial-events-end": "true" });
  });

  it("sends periodic bookmarks and closes after timeoutSeconds", async () => {
    const rv = store.resourceVersion();
    const { events, ended } = await watch(`/api/v1/namespaces/shop/pods?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=1`, () => false);
    expect(ended).toBe(true);
    expect(events.length).toBeGreaterThan(2);
    expect(events.every((e) => e.type === "BOOKMARK" && e.object.metadata.resourceVersion === String(rv))).toBe(true);
  });
});

describe("pod logs", () => {
  it("requires a container for a pod with several, with kubelet's message", async () => {
    const r = await get("/api/v1/namespaces/shop/pods/checkout-a/log");
    expect(r.status).toBe(400);
    expect(r.body.message).toBe("a container name must be specified for pod checkout-a, choose one of: [checkout envoy]");
  });

  it("applies tailLines, sinceTime, timestamps and limitBytes", async () => {
    expect((await text("/api/v1/namespaces/shop/pods/frontend-a/log?tailLines=2")).body).toBe("GET /products/3 200\nGET /products/4 200\n");
    expect((await text(`/api/v1/namespaces/shop/pods/frontend-a/log?sinceTime=${new Date(T0 - 90_000).toISOString()}`)).body).toBe("GET /products/4 200\n");
    expect((await text("/api/v1/namespaces/shop/pods/frontend-a/log?tailLines=1&timestamps=true")).body).toBe("2025-06-01T11:59:00.000000000Z GET /products/4 200\n");
    expect((await text("/api/v1/namespaces/shop/pods/frontend-a/log?limitBytes=25")).body).toBe("GET /products/0 200\nGET /");
  });

  it("rejects impossible options with 422 Invalid", async () => {
    const r = await get(`/api/v1/namespaces/shop/pods/frontend-a/log?sinceSeconds=60&sinceTime=${new Date(T0).toISOString()}`);
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('PodLogOptions "frontend-a" is invalid: sinceSeconds: Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified');
    expect((await get("/api/v1/namespaces/shop/pods/frontend-a/log?tailLines=-1")).status).toBe(422);
  });
});

describe("errors and selectors", () => {
  it("names the missing object with its group and resource", async () => {
    const r = await get("/apis/batch/v1/namespaces/shop/cronjobs/nightly");
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ message: 'cronjobs.batch "nightly" not found', reason: "NotFound", details: { name: "nightly", group: "batch", kind: "cronjobs" } });
  });

  it("creates what kubectl create sends, and refuses the rest with the API server's own Status", async () => {
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    };
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "feature-flags" }, data: { CHECKOUT_V2: "false" } };
    expect((await post("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } })).status).toBe(201);
    const created = await post("/api/v1/namespaces/shop/configmaps", cm);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ metadata: { name: "feature-flags", namespace: "shop" }, data: { CHECKOUT_V2: "false" } });
    expect(created.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await get("/api/v1/namespaces/shop/configmaps/feature-flags")).body.metadata.resourceVersion).toBe(created.body.metadata.resourceVersion);
    expect(await post("/api/v1/namespaces/shop/configmaps", cm)).toMatchObject({
      status: 409,
      body: { reason: "AlreadyExists", message: 'configmaps "feature-flags" already exists', details: { name: "feature-flags", kind: "configmaps" } },
    });
    expect(await post("/apis/apps/v1/namespaces/shop/deployments", { apiVersion: "apps/v1", kind: "Deployment", metadata: {} })).toMatchObject({
      status: 422,
      body: { reason: "Invalid", message: 'Deployment.apps "" is invalid: metadata.name: Required value: name or generateName is required' },
    });
    expect((await post("/api/v1/namespaces/shop/configmaps", { ...cm, metadata: { name: "x", namespace: "kube-system" } })).body.message).toBe(
      "the namespace of the provided object does not match the namespace sent on the request",
    );
    expect((await post("/api/v1/namespaces/shop/configmaps", { ...cm, apiVersion: "apps/v1" })).body.message).toBe("the API version in the data (apps/v1) does not match the expected API version (v1)");
    expect((await post("/api/v1/namespaces/nowhere/configmaps", cm)).body).toMatchObject({ code: 404, message: 'namespaces "nowhere" not found' });
    expect((await post("/api/v1/namespaces/shop/configmaps", "{not json")).status).toBe(400);
  });

  it("refuses updates and deletes with 405 MethodNotAllowed", async () => {
    const res = await fetch(`${base}/api/v1/namespaces/shop/configmaps/checkout-config`, { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ kind: "Status", reason: "MethodNotAllowed", code: 405 });
  });

  it("supports each kind's own field labels and refuses others with 400", async () => {
    const onNode = await get("/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-a,metadata.name!%3Dfrontend-a");
    expect(onNode.body.items.map((p: KObj) => p.metadata.name)).toEqual(["checkout-a"]);
    const bad = await get("/apis/apps/v1/statefulsets?fieldSelector=status.phase%3DRunning");
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('"status.phase" is not a known field selector: only "metadata.name", "metadata.namespace"');
  });
});
