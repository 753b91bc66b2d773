import { execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { get as httpsGet } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "./index.ts";

// Real kubectl v1.32 against a real emulator: what an SRE reads on screen is what these tests check.
type Run = { stdout: string; stderr: string; code: number };
const run = (kubeconfig: string, args: string[]) =>
  new Promise<Run>((resolve) => {
    const child = execFile("kubectl", ["--kubeconfig", kubeconfig, "--cache-dir", join(dir, "cache"), ...args], { timeout: 20_000 }, (err, stdout, stderr) =>
      resolve({ stdout, stderr, code: err ? ((err as { code?: number }).code ?? 1) : 0 }),
    );
    // Without credentials kubectl prompts for a username on stdin; a closed stdin answers nothing.
    child.stdin?.end();
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dir = mkdtempSync(join(tmpdir(), "uptrust-conformance-"));
const words = (line: string) => line.trim().split(/\s{2,}/);

let emu: Emulator;
const kubectl = async (...args: string[]) => {
  const r = await run(emu.kubeconfigPath!, args);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
};
const shopPods = async (app: string) => JSON.parse(await kubectl("get", "pods", "-n", "shop", "-l", `app=${app}`, "-o", "json")).items;

beforeAll(async () => {
  // A fast clock (10 scenario hours in 30 s) keeps pods changing while the tests run: reports is
  // OOM-killed every few seconds of wall time.
  emu = await startEmulator({ port: 0, speed: 1200, leadMinutes: 600, seed: 11, kubeconfigPath: join(dir, "demo.kubeconfig") });
  await sleep(800);
});
afterAll(() => emu.stop());

describe("kubectl get on the demo cluster", () => {
  it("sees a pod change with --watch within a few seconds", async () => {
    const child = spawn("kubectl", ["--kubeconfig", emu.kubeconfigPath!, "--cache-dir", join(dir, "cache"), "get", "pods", "-n", "shop", "--watch"]);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const initial = (await shopPods("checkout")).length + (await shopPods("frontend")).length + (await shopPods("reports")).length;
    for (let i = 0; i < 80 && out.trim().split("\n").length <= initial + 1; i++) await sleep(100);
    child.kill();
    const lines = out.trim().split("\n");
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines.length).toBeGreaterThan(initial + 1);
  });

  it("shows nodes wide with addresses, OS image and runtime", async () => {
    const [header, ...rows] = (await kubectl("get", "nodes", "-o", "wide")).trim().split("\n");
    expect(words(header)).toEqual(["NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"]);
    expect(rows).toHaveLength(3);
    expect(words(rows[0])).toEqual(["node-a", "Ready", "<none>", "30d", "v1.32.3", "10.0.0.10", "<none>", "Ubuntu 24.04.1 LTS", "6.8.0-1021-aws", "containerd://1.7.24"]);
  });

  it("lists pods across namespaces, by label and by phase", async () => {
    const all = (await kubectl("get", "pods", "-A")).trim().split("\n");
    expect(all[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(all.some((r) => /^kube-system\s+coredns-/.test(r))).toBe(true);
    const checkout = (await kubectl("get", "pods", "-n", "shop", "-l", "app=checkout")).trim().split("\n").slice(1);
    expect(checkout.length).toBeGreaterThanOrEqual(4);
    expect(checkout.every((r) => r.startsWith("checkout-"))).toBe(true);
    const running = (await kubectl("get", "pods", "-A", "--field-selector", "status.phase=Running", "-o", "json"));
    const phases = JSON.parse(running).items.map((p: { status: { phase: string } }) => p.status.phase);
    expect(phases.length).toBeGreaterThan(0);
    expect(new Set(phases)).toEqual(new Set(["Running"]));
  });

  it("prints every workload kind with its header, and -o json / -o yaml parse", async () => {
    const out = await kubectl("get", "deploy,rs,sts,ds,jobs,cronjobs,svc,cm,secrets,hpa,pdb,ing,netpol", "-A");
    expect(out).toMatch(/^NAMESPACE\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/m);
    expect(out).toMatch(/^shop\s+deployment\.apps\/frontend\s+3\/3\s+3\s+3\s+/m);
    expect(out).toMatch(/^NAMESPACE\s+NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE$/m);
    const json = JSON.parse(await kubectl("get", "deploy", "-n", "shop", "frontend", "-o", "json"));
    expect(json).toMatchObject({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "frontend", namespace: "shop" } });
    const yaml = await kubectl("get", "ns", "shop", "-o", "yaml");
    expect(yaml).toMatch(/^kind: Namespace$/m);
    expect(yaml).toMatch(/^ {2}name: shop$/m);
  });

  it("lists events across namespaces, filtered by the object they are about", async () => {
    const [header, ...rows] = (await kubectl("get", "events", "-A", "--field-selector", "involvedObject.kind=Pod,reason=Scheduled")).trim().split("\n");
    expect(words(header)).toEqual(["NAMESPACE", "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(words(row)).toEqual([expect.stringMatching(/^(shop|kube-system)$/), expect.any(String), "Normal", "Scheduled", expect.stringMatching(/^pod\//), expect.stringMatching(/^Successfully assigned /)]);
  });

  it("describes a checkout pod with its Events", async () => {
    const pod = (await shopPods("checkout"))[0].metadata.name;
    const out = await kubectl("describe", "pod", "-n", "shop", pod);
    expect(out).toMatch(new RegExp(`^Name:\\s+${pod}$`, "m"));
    const events = out.slice(out.indexOf("\nEvents:"));
    expect(events).toMatch(/Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned shop\//);
    expect(events).toMatch(/Normal\s+Started\s+\S+\s+kubelet\s+Started container checkout/);
  });

  it("serves the same events in events.k8s.io/v1", async () => {
    const list = JSON.parse(await kubectl("get", "--raw", "/apis/events.k8s.io/v1/events"));
    expect(list).toMatchObject({ kind: "EventList", apiVersion: "events.k8s.io/v1" });
    const scheduled = list.items.find((e: { reason: string }) => e.reason === "Scheduled");
    expect(scheduled).toMatchObject({ apiVersion: "events.k8s.io/v1", type: "Normal", reportingController: "default-scheduler", regarding: { kind: "Pod" } });
    expect(scheduled.note).toMatch(/^Successfully assigned [\w-]+\/[\w-]+ to node-[abc]$/);
    expect(scheduled.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });
});

describe("kubectl create on the demo cluster", () => {
  it("runs the pods of a Deployment created from a manifest, and says AlreadyExists the second time", async () => {
    const manifest = join(dir, "web.yaml");
    writeFileSync(
      manifest,
      ["apiVersion: apps/v1", "kind: Deployment", "metadata: {name: web, namespace: shop}", "spec:", "  replicas: 2", "  selector: {matchLabels: {app: web}}", "  template:", "    metadata: {labels: {app: web}}", "    spec: {containers: [{name: web, image: registry.example.com/shop/web:1.0.0}]}"].join("\n"),
    );
    // No OpenAPI schema is served, so kubectl's client-side validation is switched off.
    expect((await kubectl("create", "--validate=false", "-f", manifest)).trim()).toBe("deployment.apps/web created");
    let ready = "";
    for (let i = 0; i < 50 && ready !== "2/2"; i++) {
      await sleep(100);
      ready = words((await kubectl("get", "deploy", "web", "-n", "shop", "--no-headers")).trim())[1];
    }
    expect(ready).toBe("2/2");
    expect((await shopPods("web")).map((p: { status: { phase: string } }) => p.status.phase)).toEqual(["Running", "Running"]);
    const again = await run(emu.kubeconfigPath!, ["create", "--validate=false", "-f", manifest]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('deployments.apps "web" already exists');
    // kubectl's own generators send protobuf, which the emulator says it does not read.
    const generated = await run(emu.kubeconfigPath!, ["create", "deployment", "api", "-n", "shop", "--image=registry.example.com/shop/api:1.0.0"]);
    expect(generated.stderr).toContain("reads JSON bodies only");
  });
});

describe("kubectl logs and top on the demo cluster", () => {
  it("tails, picks a container, and shows what a crashed container printed", async () => {
    const frontend = (await shopPods("frontend"))[0].metadata.name;
    const tail = await kubectl("logs", "-n", "shop", frontend, "--tail=2", "-c", "frontend");
    expect(tail.trimEnd().split("\n")).toHaveLength(2);
    expect(tail).toMatch(/"GET \/\S* HTTP\/1\.1" \d{3}/);
    let reports = (await shopPods("reports"))[0];
    for (let i = 0; i < 100 && !reports.status.containerStatuses?.[0]?.restartCount; i++) {
      await sleep(100);
      reports = (await shopPods("reports"))[0];
    }
    expect(reports.status.containerStatuses[0].lastState.terminated.reason).toBe("OOMKilled");
    const previous = await kubectl("logs", "-n", "shop", reports.metadata.name, "--previous", "--tail=1");
    expect(previous).toMatch(/"msg":"report generated"/);
    const never = await run(emu.kubeconfigPath!, ["logs", "-n", "shop", frontend, "--previous"]);
    expect(never.stderr).toContain(`previous terminated container "frontend" in pod "${frontend}" not found`);
  });

  it("follows a running container's log", async () => {
    const frontend = (await shopPods("frontend"))[0].metadata.name;
    const child = spawn("kubectl", ["--kubeconfig", emu.kubeconfigPath!, "--cache-dir", join(dir, "cache"), "logs", "-n", "shop", frontend, "-f", "--tail=1"]);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    for (let i = 0; i < 50 && out.split("\n").length < 4; i++) await sleep(100);
    child.kill();
    expect(out.split("\n").length).toBeGreaterThanOrEqual(4);
  });

  it("reports node usage consistent with allocatable CPU and memory", async () => {
    const rows = (await kubectl("top", "nodes")).trim().split("\n").slice(1);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const [, cpu, cpuPct, mem, memPct] = row.match(/^node-\w\s+(\d+)m\s+(\d+)%\s+(\d+)Mi\s+(\d+)%/)!.map(Number);
      // Every demo node has 4 CPUs and 16Gi allocatable.
      expect(Math.abs(cpuPct - (cpu / 4000) * 100)).toBeLessThanOrEqual(1);
      expect(Math.abs(memPct - (mem / 16384) * 100)).toBeLessThanOrEqual(1);
    }
    const pods = await kubectl("top", "pods", "-n", "shop");
    expect(pods).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/);
    expect(pods).toMatch(/^frontend-\S+\s+\d+m\s+\d+Mi/m);
  });
});

describe("errors kubectl shows from the demo cluster", () => {
  it("passes the server's message for a bad selector through to stderr", async () => {
    const label = await run(emu.kubeconfigPath!, ["get", "pods", "-l", "app in (a"]);
    expect(label.code).not.toBe(0);
    expect(label.stderr).toMatch(/Error from server \(BadRequest\):.*unable to parse requirement/);
    const field = await run(emu.kubeconfigPath!, ["get", "pods", "-A", "--field-selector", "spec.color=blue"]);
    expect(field.stderr).toMatch(/Error from server \(BadRequest\):.*field label not supported: spec\.color/);
  });

  it("names the missing object as a real API server does", async () => {
    const r = await run(emu.kubeconfigPath!, ["get", "deploy", "-n", "shop", "payments"]);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): deployments.apps "payments" not found');
  });
});

describe("a cluster that requires a bearer token over TLS", () => {
  let secure: Emulator;
  beforeAll(async () => {
    secure = await startEmulator({ port: 0, speed: 600, leadMinutes: 10, seed: 3, token: "sre-on-call", tls: "self-signed", kubeconfigPath: join(dir, "secure.kubeconfig") });
  });
  afterAll(() => secure.stop());

  it("lets kubectl in with the token and verifies the server's certificate", async () => {
    expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await run(secure.kubeconfigPath!, ["get", "nodes"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^node-a\s+Ready/m);
  });

  it("refuses kubectl without the token or with a wrong one", async () => {
    const wrong = await run(secure.kubeconfigPath!, ["get", "pods", "-A", "--token", "guess"]);
    expect(wrong.code).not.toBe(0);
    // kubectl words a 401 during discovery differently from one on the request itself, as with a real cluster.
    expect(wrong.stderr).toMatch(/error: You must be logged in to the server \((Unauthorized|the server has asked for the client to provide credentials)\)/);
    const raw = await run(secure.kubeconfigPath!, ["get", "--raw", "/api/v1/pods", "--token", "guess"]);
    expect(raw.stderr).toMatch(/Unauthorized/);
    // A client with no credentials at all (kubectl would prompt for a password, so ask as a library does).
    const anonymous = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        httpsGet(`${secure.url}${path}`, { ca: secure.caPem }, (res) => {
          let body = "";
          res.on("data", (d) => (body += d));
          res.on("end", () => resolve({ status: res.statusCode!, body }));
        }).on("error", reject);
      });
    const denied = await anonymous("/api/v1/namespaces/shop/pods");
    expect(denied.status).toBe(401);
    expect(JSON.parse(denied.body)).toMatchObject({ kind: "Status", code: 401, reason: "Unauthorized", message: "Unauthorized" });
    expect(await anonymous("/readyz")).toEqual({ status: 200, body: "ok" });
  });
});
