import type { Rng } from "../random.ts";
import type { KObj } from "../store.ts";
import type { Behavior } from "../sim/context.ts";
import type { Cluster } from "../sim/cluster.ts";
import { clf, installDeployments, installNamespaces, installNodes, MIN, type AppSpec } from "./building-blocks.ts";
import { installServices, installShopObjects } from "./cluster-objects.ts";
import { DEMO, demoApps, demoBehavior } from "./demo.ts";
import { bootedAt, type ScenarioTiming } from "./ground-truth.ts";

// The shop every non-demo scenario starts from: the demo's nodes and workloads (without the leaking
// reports job unless a story wants it), Services and EndpointSlices, config, and an ingress-nginx
// controller whose access log is where latency and 5xx show up.

export const INGRESS = { namespace: "ingress-nginx", name: "ingress-nginx-controller", image: "registry.k8s.io/ingress-nginx/controller:v1.12.1" } as const;
export const SHOP_CONFIG = {
  "checkout-config": { DATABASE_URL: "postgres://checkout@db.shop.svc.cluster.local:5432/checkout", PAYMENT_URL: "http://payments.shop.svc.cluster.local", LOG_LEVEL: "info" },
  "frontend-config": { CHECKOUT_URL: "http://checkout.shop.svc.cluster.local", FEATURE_RECOMMENDATIONS: "true" },
};

export const baseApps = (opts: { reports?: boolean } = {}) => demoApps().filter((a) => opts.reports || a.name !== DEMO.reports.name);

export const ingressApp = (): AppSpec => ({
  namespace: INGRESS.namespace,
  name: INGRESS.name,
  replicas: 1,
  image: INGRESS.image,
  resources: { requests: { cpu: "100m", memory: "90Mi" }, limits: { memory: "512Mi" } },
});

export type ShopOptions = { apps: AppSpec[]; ingress?: boolean };

/** Builds the shop at the scenario start; returns the apps it runs, for the story to refer to. */
export function installShop(cluster: Cluster, timing: ScenarioTiming, opts: ShopOptions) {
  const t0 = bootedAt(timing.start);
  const apps = opts.ingress ? [...opts.apps, ingressApp()] : opts.apps;
  installNamespaces(cluster, opts.ingress ? [...DEMO.namespaces, INGRESS.namespace] : DEMO.namespaces, t0);
  installNodes(cluster, DEMO.nodes, t0);
  installDeployments(cluster, apps, t0);
  installShopObjects(cluster, t0, { namespace: "shop", configMaps: SHOP_CONFIG, hpaFor: DEMO.frontend.name, pdbFor: DEMO.checkout.name, ingressTo: DEMO.frontend.name });
  installServices(cluster, apps, t0);
  return apps;
}

export type Window = { fromOffsetMinutes: number; toOffsetMinutes: number };
export const inWindow = (timing: ScenarioTiming, w: Window, t: number) => t >= timing.start + w.fromOffsetMinutes * MIN && t < timing.start + w.toOffsetMinutes * MIN;

export type AccessProfile = { upstream: string; code: number; seconds: readonly [number, number] };

/**
 * One ingress-nginx access-log line in its default upstream format: status, request time, upstream
 * and upstream response time, so an SRE can read latency and errors per service.
 */
export function ingressLine(rng: Rng, t: number, p: AccessProfile) {
  const seconds = p.seconds[0] + rng.next() * (p.seconds[1] - p.seconds[0]);
  const path = p.upstream === "checkout" ? "/api/checkout" : rng.pick(["/", "/products", "/products/42", "/cart"]);
  const method = p.upstream === "checkout" ? "POST" : "GET";
  const bytes = p.code >= 500 ? rng.int(150, 190) : rng.int(400, 9000);
  const upstreamAddr = `10.244.${rng.int(0, 2)}.${rng.int(2, 250)}:8080`;
  const reqId = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16)).join("");
  return `198.51.100.${rng.int(2, 250)} - - [${clf(t)}] "${method} ${path} HTTP/2.0" ${p.code} ${bytes} "https://shop.example.com/" "Mozilla/5.0" ${rng.int(300, 900)} ${seconds.toFixed(3)} [shop-${p.upstream}-80] [] ${upstreamAddr} ${bytes} ${seconds.toFixed(3)} ${p.code} ${reqId}`;
}

/** Healthy traffic: mostly frontend, some checkout, fast and successful. */
export const normalTraffic = (rng: Rng): AccessProfile =>
  rng.next() < 0.75 ? { upstream: "frontend", code: rng.next() < 0.98 ? 200 : 404, seconds: [0.004, 0.09] } : { upstream: "checkout", code: 200, seconds: [0.03, 0.18] };

export function ingressBehavior(traffic: (rng: Rng, t: number) => AccessProfile): Behavior {
  return {
    readySeconds: 10,
    logEverySeconds: 10,
    logLine: (rng, t) => ingressLine(rng, t, traffic(rng, t)),
    cpuMilli: [20, 60],
    memoryMi: [110, 140],
  };
}

/** The shop's behaviours, with one story's overrides first. */
export function shopBehavior(pod: KObj, override?: (image: string) => Behavior | undefined): Behavior {
  const image: string = pod.spec.containers[0].image;
  const special = override?.(image);
  if (special) return special;
  if (image === INGRESS.image) return ingressBehavior(normalTraffic);
  return demoBehavior(pod);
}
