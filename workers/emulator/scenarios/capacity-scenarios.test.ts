import { describe, expect, it } from "vitest";
import { THROTTLE } from "./cpu-throttling.ts";
import { groundTruthOf } from "./index.ts";
import { OVER } from "./over-provisioned.ts";
import { mebi, milli, podsOf, scenarioStarter } from "./scenario-client.ts";

const start = scenarioStarter();

describe("healthy", () => {
  it("serves a Service and a ready EndpointSlice per Deployment, and the shop's config, autoscaling, policy and RBAC objects", async () => {
    const run = await start("healthy", 10);
    await run.reach(3);
    expect(groundTruthOf("healthy").incidents).toEqual([]);
    const services = await run.list("/api/v1/namespaces/shop/services");
    expect(services.map((s) => s.metadata.name).sort()).toEqual(["checkout", "frontend"]);
    const slices = await run.list("/apis/discovery.k8s.io/v1/namespaces/shop/endpointslices");
    const frontend = slices.find((s) => s.metadata.labels!["kubernetes.io/service-name"] === "frontend")!;
    const pods = podsOf(await run.list("/api/v1/namespaces/shop/pods"), "frontend");
    expect(frontend.endpoints.map((e: { addresses: string[] }) => e.addresses[0]).sort()).toEqual(pods.map((p) => p.status.podIP).sort());
    expect(frontend.endpoints.every((e: { conditions: { ready: boolean } }) => e.conditions.ready)).toBe(true);
    const names = async (path: string) => (await run.list(path)).map((o) => o.metadata.name);
    expect(await names("/api/v1/namespaces/shop/configmaps")).toEqual(expect.arrayContaining(["checkout-config", "frontend-config"]));
    expect(await names("/api/v1/namespaces/shop/secrets")).toContain("checkout-db");
    expect(await names("/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers")).toEqual(["frontend"]);
    expect(await names("/apis/policy/v1/namespaces/shop/poddisruptionbudgets")).toEqual(["checkout"]);
    expect(await names("/apis/networking.k8s.io/v1/namespaces/shop/ingresses")).toEqual(["shop"]);
    expect(await names("/apis/networking.k8s.io/v1/namespaces/shop/networkpolicies")).toEqual(["checkout-from-frontend"]);
    expect(await names("/apis/rbac.authorization.k8s.io/v1/namespaces/shop/rolebindings")).toEqual(["shop-deployer"]);
    expect(await names("/apis/rbac.authorization.k8s.io/v1/clusterroles")).toContain("uptrust-reader");
    const deployments = await run.list("/apis/apps/v1/deployments");
    for (const d of deployments) expect(d.status.availableReplicas).toBe(d.spec.replicas);
  });
});

describe("over-provisioned", () => {
  it("shows search using a few percent of the 2 CPUs and 4 GiB it requests", async () => {
    const run = await start("over-provisioned", 10);
    await run.reach(5);
    const truth = groundTruthOf("over-provisioned").rightsizing.find((r) => r.workload.name === OVER.name)!;
    expect(truth.verdict).toBe("over-provisioned");
    const pods = podsOf(await run.list("/api/v1/namespaces/shop/pods"), OVER.name);
    expect(pods).toHaveLength(OVER.replicas);
    expect(pods[0].spec.containers[0].resources.requests).toEqual(truth.requests);
    const metrics = (await run.list("/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods")).filter((m) => m.metadata.labels?.app === OVER.name);
    expect(metrics).toHaveLength(OVER.replicas);
    for (const m of metrics) {
      expect(milli(m.containers[0].usage.cpu)).toBeLessThan(2000 * 0.1);
      expect(mebi(m.containers[0].usage.memory)).toBeLessThan(4096 * 0.1);
    }
  });
});

describe("cpu-throttling", () => {
  it("pins frontend at its CPU limit under load while ingress request times exceed 500 ms, then recovers", async () => {
    const run = await start("cpu-throttling", 40);
    const truth = groundTruthOf("cpu-throttling", { leadMinutes: 40 });
    const [incident] = truth.incidents;
    await run.reach(incident.startOffsetMinutes + 10);
    const cpus = async () => (await run.list("/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods")).filter((m) => m.metadata.labels?.app === "frontend").map((m) => milli(m.containers[0].usage.cpu));
    const busy = await cpus();
    expect(busy).toHaveLength(3);
    for (const c of busy) expect(c).toBeGreaterThanOrEqual(THROTTLE.cpuAtLimitMilli[0]);
    await run.reach(incident.endOffsetMinutes! + 2);
    for (const c of await cpus()) expect(c).toBeLessThan(100);

    const [ingress] = await run.list("/api/v1/namespaces/ingress-nginx/pods");
    const lines = (await run.logs("ingress-nginx", ingress.metadata.name)).filter((l) => l.text.includes("[shop-frontend-80]"));
    const requestTime = (text: string) => Number(text.split(" ")[13]) * 1000;
    const offset = (t: number) => run.offsetOf(new Date(t).toISOString());
    const inside = lines.filter((l) => offset(l.time) >= incident.startOffsetMinutes && offset(l.time) < incident.endOffsetMinutes!);
    const outside = lines.filter((l) => !inside.includes(l));
    const threshold = truth.slo[0].thresholdMs!;
    expect(inside.length).toBeGreaterThan(10);
    expect(inside.every((l) => requestTime(l.text) > threshold)).toBe(true);
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.every((l) => requestTime(l.text) < threshold)).toBe(true);
  });
});
