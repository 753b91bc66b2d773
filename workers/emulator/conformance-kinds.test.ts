import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installKindsFixture } from "./kinds-fixture.ts";
import { writeKubeconfig } from "./kubeconfig.ts";
import { LogStore } from "./logs.ts";
import { handle } from "./routes.ts";
import { Store } from "./store.ts";

// kubectl v1.32 reading one object of every kind the demo story does not have, served by the same
// routes as the emulator: the columns, cells and JSON an SRE gets must be those of a real cluster.
const dir = mkdtempSync(join(tmpdir(), "uptrust-conformance-kinds-"));
const run = (kubeconfig: string, args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile("kubectl", ["--kubeconfig", kubeconfig, "--cache-dir", join(dir, "cache"), ...args], { timeout: 20_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`kubectl ${args.join(" ")}: ${stderr}`)) : resolve(stdout),
    );
    child.stdin?.end();
  });
const words = (line: string) => line.trim().split(/\s{2,}/);

describe("kinds beyond the demo's workloads, as kubectl prints them", () => {
  let server: Server;
  let kc: string;
  let base: string;
  beforeAll(async () => {
    const store = new Store();
    installKindsFixture(store, Date.now());
    const ctx = { store, logs: new LogStore(), runs: new Map(), now: () => Date.now(), host: () => "127.0.0.1", openWatches: new Set<() => void>(), bookmarkEveryMs: 60_000 };
    server = createServer((req, res) => handle(ctx, req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    kc = join(dir, "kinds.kubeconfig");
    await writeKubeconfig(kc, base);
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const get = (...args: string[]) => run(kc, ["get", ...args]);

  it("prints apps, batch, service and config kinds with the columns of a v1.32 server", async () => {
    const out = await get("sts,ds,jobs,cronjobs,svc,cm,secrets", "-A");
    const blocks = out.trim().split("\n\n").map((b) => b.split("\n").map(words));
    expect(blocks.map((b) => b[0])).toEqual([
      ["NAMESPACE", "NAME", "READY", "AGE"],
      ["NAMESPACE", "NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"],
      ["NAMESPACE", "NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"],
      ["NAMESPACE", "NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"],
      ["NAMESPACE", "NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
      ["NAMESPACE", "NAME", "DATA", "AGE"],
      ["NAMESPACE", "NAME", "TYPE", "DATA", "AGE"],
    ]);
    expect(blocks[0][1]).toEqual(["shop", "statefulset.apps/orders-db", "2/3", "3d"]);
    expect(blocks[1][1]).toEqual(["kube-system", "daemonset.apps/node-exporter", "3", "3", "3", "3", "3", "kubernetes.io/os=linux", "30d"]);
    expect(blocks[2][1]).toEqual(["shop", "job.batch/reports-nightly-28911000", "Complete", "1/1", "95s", "5h"]);
    expect(blocks[3][1]).toEqual(["shop", "cronjob.batch/reports-nightly", "0 2 * * *", "Etc/UTC", "False", "0", "5h", "10d"]);
    expect(blocks[4].slice(1)).toEqual([
      ["shop", "service/checkout", "ClusterIP", "10.96.14.7", "<none>", "80/TCP", "10d"],
      ["shop", "service/frontend", "LoadBalancer", "10.96.3.21", "203.0.113.10", "443:31443/TCP", "10d"],
    ]);
    expect(blocks[5][1]).toEqual(["shop", "configmap/checkout-config", "2", "10d"]);
    expect(blocks[6][1]).toEqual(["shop", "secret/checkout-db", "Opaque", "2", "10d"]);
  });

  it("prints autoscaling, policy, networking, discovery and RBAC kinds", async () => {
    const out = await get("hpa,pdb,ing,netpol,endpointslices", "-n", "shop");
    const blocks = out.trim().split("\n\n").map((b) => b.split("\n").map(words));
    expect(blocks.map((b) => b.slice(0, 2))).toEqual([
      [["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"], ["horizontalpodautoscaler.autoscaling/frontend", "Deployment/frontend", "cpu: 12%/80%", "3", "10", "3", "10d"]],
      [["NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE"], ["poddisruptionbudget.policy/checkout", "3", "N/A", "1", "10d"]],
      [["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"], ["ingress.networking.k8s.io/shop", "nginx", "shop.example.com", "203.0.113.10", "80, 443", "10d"]],
      [["NAME", "POD-SELECTOR", "AGE"], ["networkpolicy.networking.k8s.io/checkout-ingress", "app=checkout", "10d"]],
      [["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"], ["endpointslice.discovery.k8s.io/checkout-x7k2p", "IPv4", "8080", "10.244.0.12,10.244.1.7", "10d"]],
    ]);
    const rbac = await get("rolebindings,clusterrolebindings", "-A", "-o", "wide");
    expect(rbac).toMatch(/^NAMESPACE\s+NAME\s+ROLE\s+AGE\s+USERS\s+GROUPS\s+SERVICEACCOUNTS$/m);
    expect(rbac).toMatch(/^shop\s+rolebinding\.rbac\.authorization\.k8s\.io\/uptrust-pod-reader\s+Role\/pod-reader\s+10d\s+uptrust\/uptrust$/m);
    expect(await get("clusterroles")).toMatch(/^NAME\s+CREATED AT\nuptrust-viewer\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m);
  });

  it("never serves a secret's values, only a hash of each", async () => {
    const secret = JSON.parse(await get("secret", "-n", "shop", "checkout-db", "-o", "json"));
    // Like a Go map in JSON, the keys come sorted.
    expect(Object.keys(secret.data)).toEqual(["password", "username"]);
    const password = Buffer.from(secret.data.password, "base64").toString();
    expect(password).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.stringify(secret)).not.toContain("czNjcjN0");
    expect(JSON.stringify(secret)).not.toContain(Buffer.from("s3cr3t").toString("base64"));
    const byType = await get("secrets", "-A", "--field-selector", "type=Opaque", "-o", "name");
    expect(byType.trim()).toBe("secret/checkout-db");
  });

  it("pages with an opaque continue token and rejects a forged one", async () => {
    const first = await (await fetch(`${base}/api/v1/namespaces/shop/services?limit=1`)).json();
    expect(first.items.map((s: { metadata: { name: string } }) => s.metadata.name)).toEqual(["checkout"]);
    const second = await (await fetch(`${base}/api/v1/namespaces/shop/services?limit=1&continue=${first.metadata.continue}`)).json();
    expect(second.items.map((s: { metadata: { name: string } }) => s.metadata.name)).toEqual(["frontend"]);
    expect(second.metadata.continue).toBeUndefined();
    const forged = await fetch(`${base}/api/v1/namespaces/shop/services?limit=1&continue=not-a-token`);
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ kind: "Status", reason: "BadRequest", message: expect.stringContaining("continue") });
  });
});
