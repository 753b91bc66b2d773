import { describe, expect, it } from "vitest";
import { applyDefaults } from "../api-defaults.ts";
import { uuid } from "../random.ts";
import { appBehavior } from "../scenarios/any-app.ts";
import { installNamespaces, installNodes } from "../scenarios/building-blocks.ts";
import type { KObj } from "../store.ts";
import { toTable } from "../table.ts";
import { createCluster } from "./cluster.ts";
import { preparingStatus } from "./pod-containers.ts";

// The controllers behind `kubectl create -f` of a multi-service app: every namespace has its default
// account, a ReplicaSet whose pods name a missing account reports FailedCreate until it exists, and
// pods with init containers and sidecars show what kubelet shows for them.

const start = Date.parse("2026-12-01T10:00:00Z");
const SEC = 1000;

function boot() {
  const cluster = createCluster({ start, seed: 7, behaviorFor: (pod) => appBehavior(pod) });
  installNamespaces(cluster, ["default", "boutique"], start);
  installNodes(cluster, ["node-a"], start);
  cluster.advanceTo(start + SEC);
  return cluster;
}

function deploy(cluster: ReturnType<typeof boot>, podSpec: Record<string, unknown>) {
  const d = applyDefaults("deployments", {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "loadgenerator", namespace: "boutique", uid: uuid(cluster.sim.rng), creationTimestamp: new Date(cluster.sim.sched.now()).toISOString() },
    spec: { selector: { matchLabels: { app: "loadgenerator" } }, template: { metadata: { labels: { app: "loadgenerator" } }, spec: podSpec } },
  } as KObj);
  cluster.sim.store.create("deployments", d, { manager: "kubectl-create", time: cluster.sim.sched.now() });
}

const pods = (cluster: ReturnType<typeof boot>) => cluster.sim.store.list("pods", "boutique");

describe("service accounts", () => {
  it("every namespace has a default account, as old as the namespace", () => {
    const cluster = boot();
    for (const ns of ["default", "boutique"]) {
      const sa = cluster.sim.store.get("serviceaccounts", ns, "default");
      expect(sa?.metadata.creationTimestamp).toBe(cluster.sim.store.get("namespaces", undefined, ns)!.metadata.creationTimestamp);
    }
  });

  it("pods naming a missing account are not created: FailedCreate, then the pods once the account exists", () => {
    const cluster = boot();
    deploy(cluster, { serviceAccountName: "loadgenerator", containers: [{ name: "main", image: "loadgenerator:v0.10.6" }] });
    cluster.advanceTo(start + 10 * SEC);
    expect(pods(cluster)).toEqual([]);
    const failed = cluster.sim.store.list("events", "boutique").find((e) => e.reason === "FailedCreate");
    expect(failed).toMatchObject({
      type: "Warning",
      source: { component: "replicaset-controller" },
      message: expect.stringMatching(/^Error creating: pods "loadgenerator-\w+-" is forbidden: error looking up service account boutique\/loadgenerator: serviceaccount "loadgenerator" not found$/),
    });
    const t = cluster.sim.sched.now();
    cluster.sim.store.create("serviceaccounts", { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "loadgenerator", namespace: "boutique", uid: "sa", creationTimestamp: new Date(t).toISOString() } }, { manager: "kubectl-create", time: t });
    cluster.advanceTo(t + 10 * SEC);
    expect(pods(cluster).map((p) => [p.spec.serviceAccountName, p.status.phase])).toEqual([["loadgenerator", "Running"]]);
  });
});

describe("init containers and sidecars", () => {
  it("shows Init:0/1 while the init container runs, then both containers ready once it completed", () => {
    const cluster = boot();
    const spec = { initContainers: [{ name: "frontend-check", image: "busybox:1.38.0" }], containers: [{ name: "main", image: "loadgenerator:v0.10.6" }, { name: "envoy", image: "envoy:v1.31" }] };
    deploy(cluster, spec);
    const preparing: KObj = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "boutique", uid: "p", creationTimestamp: new Date(start).toISOString() }, spec, status: { conditions: [] } };
    preparingStatus(preparing, start);
    expect(toTable("pods", [preparing], start, "None").rows[0].cells.slice(1, 3)).toEqual(["0/2", "Init:0/1"]);
    cluster.advanceTo(start + 30 * SEC);
    const [pod] = pods(cluster);
    expect(pod.status.initContainerStatuses.map((s: { state: { terminated: { reason: string; exitCode: number } } }) => [s.state.terminated.reason, s.state.terminated.exitCode])).toEqual([["Completed", 0]]);
    expect(pod.status.conditions.find((c: { type: string }) => c.type === "Initialized").status).toBe("True");
    expect(toTable("pods", [pod], start + 30 * SEC, "None").rows[0].cells.slice(1, 3)).toEqual(["2/2", "Running"]);
  });
});

describe("endpoint slices", () => {
  it("a Service created through the API lists the pods it selects, at the port its named target port names", () => {
    const cluster = boot();
    deploy(cluster, { containers: [{ name: "main", image: "loadgenerator:v0.10.6", ports: [{ name: "http", containerPort: 8089 }] }] });
    const t = cluster.sim.sched.now();
    const svc = cluster.sim.store.create(
      "services",
      { apiVersion: "v1", kind: "Service", metadata: { name: "loadgenerator", namespace: "boutique", uid: "svc", creationTimestamp: new Date(t).toISOString() }, spec: { selector: { app: "loadgenerator" }, ports: [{ name: "web", port: 80, targetPort: "http", protocol: "TCP" }] } },
      { manager: "kubectl-create", time: t },
    );
    cluster.apiCreated("services", svc);
    cluster.advanceTo(start + 40 * SEC);
    const [slice] = cluster.sim.store.list("endpointslices", "boutique");
    const [pod] = pods(cluster);
    expect(slice).toMatchObject({ metadata: { labels: { "kubernetes.io/service-name": "loadgenerator" }, ownerReferences: [{ kind: "Service", name: "loadgenerator" }] }, ports: [{ name: "web", port: 8089, protocol: "TCP" }] });
    expect(slice.endpoints).toEqual([expect.objectContaining({ addresses: [pod.status.podIP], conditions: { ready: true, serving: true, terminating: false } })]);
  });
});

describe("statefulsets", () => {
  it("starts web-0, then web-1 once web-0 is ready, and reads 2/2 READY", () => {
    const cluster = boot();
    const t = cluster.sim.sched.now();
    const sts = applyDefaults("statefulsets", {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "web", namespace: "boutique", uid: "sts-web", creationTimestamp: new Date(t).toISOString() },
      spec: { replicas: 2, serviceName: "web", selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] } } },
    } as KObj);
    cluster.sim.store.create("statefulsets", sts, { manager: "kubectl-create", time: t });
    cluster.advanceTo(t + 3 * SEC);
    expect(pods(cluster).map((p) => p.metadata.name)).toEqual(["web-0"]);
    cluster.advanceTo(t + 30 * SEC);
    const started = pods(cluster);
    expect(started.map((p) => [p.metadata.name, p.spec.hostname, p.spec.subdomain, p.status.phase])).toEqual([
      ["web-0", "web-0", "web", "Running"],
      ["web-1", "web-1", "web", "Running"],
    ]);
    expect(Date.parse(started[1].metadata.creationTimestamp)).toBeGreaterThan(Date.parse(started[0].metadata.creationTimestamp));
    const stored = cluster.sim.store.get("statefulsets", "boutique", "web")!;
    expect(toTable("statefulsets", [stored], t + 30 * SEC, "None").rows[0].cells.slice(0, 2)).toEqual(["web", "2/2"]);
  });
});
