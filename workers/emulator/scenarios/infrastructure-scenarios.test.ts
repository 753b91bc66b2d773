import { describe, expect, it } from "vitest";
import { DNS } from "./dns-outage.ts";
import { groundTruthOf } from "./index.ts";
import { NODE_LOSS } from "./node-not-ready.ts";
import { NOISY } from "./noisy-neighbour.ts";
import { milli, podsOf, scenarioStarter } from "./scenario-client.ts";
import type { KObj } from "../store.ts";

const start = scenarioStarter();

describe("node-not-ready", () => {
  it("marks node-b Unknown and tainted, evicts its pods after the toleration and runs replacements elsewhere", async () => {
    const run = await start("node-not-ready", 40);
    const [incident] = groundTruthOf("node-not-ready", { leadMinutes: 40 }).incidents;
    const cause = { node: String(incident.cause.node), notReadyAtOffsetMinutes: Number(incident.cause.notReadyAtOffsetMinutes) };
    const before = podsOf(await run.list("/api/v1/namespaces/shop/pods"), "frontend").filter((p) => p.spec.nodeName === NODE_LOSS.node);
    expect(before.length).toBeGreaterThan(0);
    await run.reach(incident.endOffsetMinutes! + 1);

    const node = await run.get(`/api/v1/nodes/${cause.node}`);
    const ready = node.status.conditions.find((c: { type: string }) => c.type === "Ready");
    expect(ready).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown" });
    expect(run.offsetOf(ready.lastTransitionTime)).toBeCloseTo(cause.notReadyAtOffsetMinutes, 1);
    expect(node.spec.taints).toContainEqual(expect.objectContaining({ key: "node.kubernetes.io/unreachable", effect: "NoExecute" }));

    const nodeEvents = (await run.list("/api/v1/namespaces/default/events")).filter((e) => e.involvedObject.name === cause.node);
    expect(nodeEvents).toContainEqual(expect.objectContaining({ reason: "NodeNotReady", source: { component: "node-controller" } }));
    const shopEvents = await run.list("/api/v1/namespaces/shop/events");
    const evictions = shopEvents.filter((e) => e.reason === "TaintManagerEviction");
    expect(evictions.map((e) => e.involvedObject.name)).toEqual(expect.arrayContaining(before.map((p) => p.metadata.name)));
    expect(evictions[0].source.component).toBe("taint-eviction-controller");

    const pods = podsOf(await run.list("/api/v1/namespaces/shop/pods"), "frontend");
    const terminating = pods.filter((p) => p.metadata.deletionTimestamp);
    expect(terminating.map((p) => p.spec.nodeName)).toEqual(before.map(() => NODE_LOSS.node));
    const serving = pods.filter((p: KObj) => !p.metadata.deletionTimestamp && p.status.containerStatuses?.[0]?.ready);
    expect(serving).toHaveLength(3);
    expect(serving.every((p) => p.spec.nodeName !== NODE_LOSS.node)).toBe(true);
  });
});

describe("dns-outage", () => {
  it("shows SERVFAIL in CoreDNS, 'no such host' in checkout and 5xx at the ingress, only inside the stated window", async () => {
    const run = await start("dns-outage", 40);
    const [incident] = groundTruthOf("dns-outage", { leadMinutes: 40 }).incidents;
    await run.reach(incident.endOffsetMinutes! + 5);
    const inside = (t: number) => run.offsetOf(new Date(t).toISOString()) >= incident.startOffsetMinutes && run.offsetOf(new Date(t).toISOString()) < incident.endOffsetMinutes!;
    const linesOf = async (ns: string, app: string) => (await Promise.all(podsOf(await run.list(`/api/v1/namespaces/${ns}/pods`), app).map((p) => run.logs(ns, p.metadata.name)))).flat();

    const dns = await linesOf("kube-system", "coredns");
    const servfail = dns.filter((l) => l.text.includes("SERVFAIL") || l.text.includes("i/o timeout"));
    expect(servfail.length).toBeGreaterThan(5);
    expect(servfail.every((l) => inside(l.time))).toBe(true);
    expect(dns.some((l) => !inside(l.time) && l.text.includes("NOERROR"))).toBe(true);

    const app = await linesOf("shop", "checkout");
    const nxdomain = app.filter((l) => l.text.includes(`dial tcp: lookup ${DNS.host}: no such host`));
    expect(nxdomain.length).toBeGreaterThan(3);
    expect(nxdomain.every((l) => inside(l.time))).toBe(true);
    // The Go stack trace follows the error line.
    expect(app.some((l) => l.text.startsWith("goroutine ") && inside(l.time))).toBe(true);

    const access = await linesOf("ingress-nginx", "ingress-nginx-controller");
    const status = (text: string) => Number(/" (\d{3}) /.exec(text)?.[1]);
    const fivexx = access.filter((l) => status(l.text) >= 500);
    expect(fivexx.length).toBeGreaterThan(3);
    expect(fivexx.every((l) => inside(l.time) && l.text.includes("[shop-checkout-80]"))).toBe(true);
  });
});

describe("noisy-neighbour", () => {
  it("puts a BestEffort pod on node-b that eats its CPU while frontend there sits at its limit and slows down", async () => {
    const run = await start("noisy-neighbour", 40);
    const [incident] = groundTruthOf("noisy-neighbour", { leadMinutes: 40 }).incidents;
    await run.reach(incident.startOffsetMinutes + 10);
    const pods = await run.list("/api/v1/namespaces/shop/pods");
    const [noisy] = podsOf(pods, NOISY.app.name);
    expect(noisy.spec.nodeName).toBe(NOISY.node);
    expect(noisy.status.qosClass).toBe("BestEffort");
    const metrics = await run.list("/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods");
    const cpu = (name: string) => milli(metrics.find((m) => m.metadata.name === name)!.containers[0].usage.cpu);
    expect(cpu(noisy.metadata.name)).toBeGreaterThanOrEqual(NOISY.cpuMilli[0]);
    const victims = podsOf(pods, "frontend").filter((p) => p.spec.nodeName === NOISY.node);
    const others = podsOf(pods, "frontend").filter((p) => p.spec.nodeName !== NOISY.node);
    expect(victims.length).toBeGreaterThan(0);
    for (const v of victims) expect(cpu(v.metadata.name)).toBeGreaterThanOrEqual(NOISY.victimCpuMilli[0]);
    for (const o of others) expect(cpu(o.metadata.name)).toBeLessThan(100);
    const seconds = (text: string) => Number(text.split(" ").at(-1));
    const recent = (await run.logs("shop", victims[0].metadata.name)).filter((l) => run.offsetOf(new Date(l.time).toISOString()) > incident.startOffsetMinutes);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((l) => seconds(l.text) >= NOISY.victimSeconds[0])).toBe(true);
  });
});
