import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "./index.ts";

const run = promisify(execFile);
let emu: Emulator;
const kubectl = async (...args: string[]) => (await run("kubectl", ["--kubeconfig", emu.kubeconfigPath!, ...args], { timeout: 20_000 })).stdout;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "uptrust-emulator-"));
  emu = await startEmulator({ port: 0, speed: 600, leadMinutes: 30, seed: 7, kubeconfigPath: join(dir, "kubeconfig") });
  // Let the controllers start every pod and the healthy ones write a few log lines.
  await sleep(1_500);
});
afterAll(() => emu.stop());

describe("the demo cluster, as kubectl sees it", () => {
  it("lists pods in every namespace with READY and STATUS columns", async () => {
    const out = await kubectl("get", "pods", "-A");
    const [header, ...rows] = out.trim().split("\n");
    expect(header).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    const checkout = rows.filter((r) => /^shop\s+checkout-/.test(r));
    expect(checkout.length).toBeGreaterThanOrEqual(4);
    expect(checkout[0]).toMatch(/\s\d\/1\s+\w+\s+\d+/);
  });

  it("shows deployments ready as 4/4", async () => {
    const out = await kubectl("get", "deploy", "-n", "shop");
    expect(out).toMatch(/frontend\s+3\/3\s+3\s+3/);
    expect(out).toMatch(/checkout\s+\d\/4/);
  });

  it("filters pods by label and prints parseable JSON", async () => {
    const list = JSON.parse(await kubectl("get", "pods", "-n", "shop", "-l", "app=checkout", "-o", "json"));
    expect(list.items.length).toBeGreaterThanOrEqual(4);
    for (const pod of list.items) expect(pod.metadata.labels.app).toBe("checkout");
  });

  it("prints nodes, namespaces, replicasets and events as tables", async () => {
    expect(await kubectl("get", "nodes")).toMatch(/node-a\s+Ready\s+<none>\s+30d\s+v1\.32/);
    expect(await kubectl("get", "ns")).toMatch(/shop\s+Active/);
    expect(await kubectl("get", "rs", "-n", "kube-system")).toMatch(/coredns-\w+\s+2\s+2\s+2/);
    expect(await kubectl("get", "events", "-n", "shop")).toMatch(/Normal\s+ScalingReplicaSet\s+deployment\/checkout/);
  });

  it("returns the last lines of a pod's log", async () => {
    const pods = JSON.parse(await kubectl("get", "pods", "-n", "shop", "-l", "app=frontend", "-o", "json")).items;
    const out = await kubectl("logs", "-n", "shop", pods[0].metadata.name, "--tail=3");
    expect(out.trimEnd().split("\n")).toHaveLength(3);
    expect(out).toMatch(/"GET \/\S* HTTP\/1\.1" \d{3}/);
  });

  it("serves metrics.k8s.io for kubectl top", async () => {
    const nodes = JSON.parse(await kubectl("get", "--raw", "/apis/metrics.k8s.io/v1beta1/nodes"));
    expect(nodes.kind).toBe("NodeMetricsList");
    expect(nodes.items).toHaveLength(3);
    expect(nodes.items[0].window).toBe("60s");
    expect(await kubectl("top", "nodes")).toMatch(/node-a\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/);
    expect(await kubectl("top", "pods", "-n", "shop")).toMatch(/frontend-\S+\s+\d+m\s+\d+Mi/);
  });

  it("stamps every object with a managedFields time in scenario time", async () => {
    const d = await (await fetch(`${emu.url}/apis/apps/v1/namespaces/shop/deployments/frontend`)).json();
    const times = d.metadata.managedFields.map((f: { time: string }) => Date.parse(f.time));
    expect(Math.max(...times)).toBeLessThanOrEqual(emu.scenarioNow().getTime());
    expect(d.metadata.managedFields.some((f: { manager: string; subresource?: string }) => f.manager === "kube-controller-manager" && f.subresource === "status")).toBe(true);
  });
});

describe("errors, as a real API server reports them", () => {
  it("rejects a bad label selector with a 400 Status", async () => {
    const res = await fetch(`${emu.url}/api/v1/pods?labelSelector=${encodeURIComponent("app in (a")}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ kind: "Status", code: 400, reason: "BadRequest" });
  });

  it("answers an unknown resource or object with a 404 Status", async () => {
    const res = await fetch(`${emu.url}/api/v1/widgets`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ kind: "Status", code: 404, reason: "NotFound" });
    const pod = await fetch(`${emu.url}/api/v1/namespaces/shop/pods/nope`);
    expect(await pod.json()).toMatchObject({ code: 404, message: 'pods "nope" not found' });
  });

  it("refuses updates with 405 and a body without a kind with 400", async () => {
    const res = await fetch(`${emu.url}/api/v1/namespaces/shop/pods/nope`, { method: "PUT", body: "{}" });
    expect(res.status).toBe(405);
    const created = await fetch(`${emu.url}/api/v1/namespaces/shop/pods`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(await created.json()).toMatchObject({ code: 400, message: "Object 'Kind' is missing in '{}'" });
  });

  it("pages a list with limit and continue", async () => {
    const first = await (await fetch(`${emu.url}/api/v1/pods?limit=3`)).json();
    expect(first.items).toHaveLength(3);
    const second = await (await fetch(`${emu.url}/api/v1/pods?limit=3&continue=${first.metadata.continue}`)).json();
    expect(second.items[0].metadata.name).not.toBe(first.items[0].metadata.name);
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
  });
});
