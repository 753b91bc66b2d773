import { describe, expect, it } from "vitest";
import { probableCauses } from "./probable-causes.ts";
import type { CauseChange, CauseInput } from "./types.ts";

const MIN = 60_000;
const start = Date.UTC(2026, 11, 2, 10, 0);
const MIB = 1024 * 1024;
const container = (image: string, limits: Record<string, string> = {}) => ({ name: "app", image, requests: {}, limits, env: [], probes: { liveness: true, readiness: true, startup: false } });
const template = (image: string, limits?: Record<string, string>) => ({ replicas: 3, containers: [container(image, limits)], initContainers: [] });
const change = (over: Partial<CauseChange>): CauseChange => ({ id: "c1", kind: "template", observedAt: start - 2 * MIN, summary: "image app: shop/app:1.4 → 1.5", manager: "argocd-controller", before: template("shop/app:1.4"), after: template("shop/app:1.5"), ...over });
const input = (over: Partial<CauseInput>): CauseInput => ({
  workload: { kind: "Deployment", namespace: "shop", name: "checkout" },
  reason: "CrashLoopBackOff",
  startedAt: start,
  endAt: start + 20 * MIN,
  changes: [],
  events: [],
  nodeEvents: [],
  lookupFailures: [],
  resolver: "kube-system/coredns",
  resolverErrors: [],
  limits: [{ name: "app", cpuLimitMillis: 1000, memoryLimitBytes: 512 * MIB }],
  usage: [],
  nodes: [],
  neighbours: [],
  ...over,
});

describe("probable causes", () => {
  it("a crash loop two minutes after an image rollout is the rollout's, naming the new image and who applied it", () => {
    const [first] = probableCauses(input({ changes: [change({})] }));
    expect(first.kind).toBe("ImageChange");
    expect(first.title).toBe("A rollout changed app's image to shop/app:1.5 2 minutes before it began.");
    expect(first.evidence[0].text).toContain("argocd-controller");
  });

  it("a change long before the onset explains nothing", () => {
    expect(probableCauses(input({ changes: [change({ observedAt: start - 3 * 60 * MIN })] }))).toEqual([]);
  });

  it("an image that cannot be pulled is told once, as the pull failure, with the rollout as its evidence", () => {
    const events = [{ reason: "Failed", message: 'Failed to pull image "shop/app:1.5": not found', involvedKind: "Pod", involvedName: "checkout-x", count: 3, firstSeen: start, lastSeen: start + MIN }];
    const causes = probableCauses(input({ reason: "ImagePullBackOff", changes: [change({})], events }));
    expect(causes.map((c) => c.kind)).toEqual(["ImagePull"]);
    expect(causes[0].evidence.map((e) => e.source)).toEqual(["change", "event"]);
  });

  it("an OOM kill after the memory limit was lowered blames the lower limit, not the workload", () => {
    const cut = change({ summary: "limits app: memory 1Gi → 256Mi", before: template("shop/app:1.4", { memory: "1Gi" }), after: template("shop/app:1.4", { memory: "256Mi" }) });
    const [first] = probableCauses(input({ reason: "OOMKilled", changes: [cut], usage: [{ container: "app", cpuMaxMillis: 100, memoryMaxBytes: 250 * MIB }] }));
    expect(first.kind).toBe("MemoryLimit");
    expect(first.title).toBe("app ran out of memory after its limit was lowered from 1024Mi to 256Mi.");
  });

  it("an OOM kill with an unchanged limit shows how close usage came to it", () => {
    const [first] = probableCauses(input({ reason: "OOMKilled", usage: [{ container: "app", cpuMaxMillis: 100, memoryMaxBytes: 500 * MIB }] }));
    expect(first.title).toBe("app reached its 512Mi memory limit and was OOMKilled.");
    expect(first.evidence.map((e) => e.text)).toContain("sampled memory usage peaked at 500Mi (98% of the limit)");
  });

  it("an OOM kill far above the sampled peak reads as a spike between samples, not a leak", () => {
    const [first] = probableCauses(input({ reason: "OOMKilled", usage: [{ container: "app", cpuMaxMillis: 100, memoryMaxBytes: 144 * MIB }] }));
    expect(first.evidence.map((e) => e.text)).toContain("sampled memory usage peaked at 144Mi (28% of the limit); it reached the limit between samples, a sudden spike rather than a slow climb");
  });

  it("it is DNS when CoreDNS errors while the service cannot resolve names; failed lookups alone are less sure", () => {
    const lookupFailures = Array.from({ length: 5 }, (_, i) => ({ pod: "checkout-x", ts: start + i * MIN, message: "dial tcp: lookup payments: no such host" }));
    const resolverErrors = Array.from({ length: 5 }, (_, i) => ({ pod: "coredns-y", ts: start + i * MIN, message: '"A IN payments. udp" SERVFAIL' }));
    const both = probableCauses(input({ reason: "ErrorRate", lookupFailures, resolverErrors }));
    const appOnly = probableCauses(input({ reason: "ErrorRate", lookupFailures }));
    expect(both[0].kind).toBe("DNS");
    expect(both[0].evidence[0].text).toContain("5 SERVFAIL");
    expect(appOnly[0].score).toBeLessThan(both[0].score);
  });

  it("a limitless neighbour that took a shared node's CPU outranks the victim's own CPU limit", () => {
    const causes = probableCauses(
      input({
        reason: "Latency",
        usage: [{ container: "app", cpuMaxMillis: 990, memoryMaxBytes: 100 * MIB }],
        nodes: [{ name: "node-b", allocatableCpuMillis: 4000, cpuMaxMillis: 3900 }],
        neighbours: [{ node: "node-b", workload: "shop/reindex", cpuMaxMillis: 3600, cpuBeforeMillis: 0, hasCpuRequest: false, hasCpuLimit: false }],
      }),
    );
    expect(causes.map((c) => c.kind)).toEqual(["NoisyNeighbour", "CpuLimit"]);
    expect(causes[0].title).toContain("shop/reindex");
    expect(causes[0].evidence[0].text).toContain("BestEffort");
  });

  it("a neighbour that was always this busy is not news", () => {
    const neighbours = [{ node: "node-b", workload: "shop/batch", cpuMaxMillis: 3600, cpuBeforeMillis: 3500, hasCpuRequest: true, hasCpuLimit: false }];
    const causes = probableCauses(input({ reason: "Latency", nodes: [{ name: "node-b", allocatableCpuMillis: 4000, cpuMaxMillis: 3900 }], neighbours }));
    expect(causes.map((c) => c.kind)).toEqual([]);
  });

  it("a neighbour's OOM kill on the same node is not this workload's memory problem", () => {
    const kill = { reason: "OOMKilling", message: "Memory cgroup out of memory: Killed process 4242 (reports) total-vm:1kB", involvedKind: "Node", involvedName: "node-a", count: 1, firstSeen: start, lastSeen: start };
    expect(probableCauses(input({ nodeEvents: [kill] })).map((c) => c.kind)).toEqual([]);
    expect(probableCauses(input({ nodeEvents: [{ ...kill, message: kill.message.replace("(reports)", "(app)") }] }))[0].kind).toBe("MemoryLimit");
  });

  it("pods lost with a NotReady node are the node's", () => {
    const nodeEvents = [{ reason: "NodeNotReady", message: "Node node-b status is now: NodeNotReady", involvedKind: "Node", involvedName: "node-b", count: 1, firstSeen: start - MIN, lastSeen: start - MIN }];
    const [first] = probableCauses(input({ reason: "Unavailable", nodeEvents }));
    expect(first.kind).toBe("NodeNotReady");
    expect(first.title).toContain("node-b");
  });

  it("a ConfigMap edit that took effect with a restart explains a configuration error", () => {
    const edit = change({ id: "c2", kind: "configmap", observedAt: start - 5 * MIN, summary: "ConfigMap app-config: keys +DB_URL -DATABASE_URL", manager: "kubectl-edit", before: {}, after: {} });
    const restart = change({ id: "c3", observedAt: start, summary: "rollout restart at 10:00", before: template("shop/app:1.4"), after: template("shop/app:1.4") });
    const events = [{ reason: "Failed", message: "Error: couldn't find key DATABASE_URL in ConfigMap shop/app-config", involvedKind: "Pod", involvedName: "checkout-x", count: 1, firstSeen: start, lastSeen: start }];
    const [first, second] = probableCauses(input({ reason: "CreateContainerConfigError", changes: [edit, restart], events }));
    expect(first.kind).toBe("ConfigMapChange");
    expect(first.evidence.map((e) => e.text)).toEqual(["ConfigMap app-config: keys +DB_URL -DATABASE_URL (applied by kubectl-edit)", "took effect with: rollout restart at 10:00", events[0].message]);
    expect(second.kind).toBe("TemplateChange");
  });
});
