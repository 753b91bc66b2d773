import type { Rng } from "../random.ts";
import { offsetBeforeLive } from "./building-blocks.ts";
import { DEMO, healthyCheckout, healthyCoredns } from "./demo.ts";
import { DEFAULT_LEAD_MINUTES, expectIncident, expectSloImpact, leftAlone, type Scenario, type ScenarioTiming, type ScenarioTruth } from "./ground-truth.ts";
import { baseApps, inWindow, INGRESS, ingressBehavior, installShop, normalTraffic, shopBehavior, type Window } from "./shop.ts";

/** CoreDNS loses its upstream for 15 minutes: lookups SERVFAIL or time out, checkout cannot reach payments. */
export const DNS = { host: "payments.shop.svc.cluster.local", outageMinutesBeforeLive: 45, durationMinutes: 15, errorShareOfCheckout: 0.6 } as const;

export function dnsWindow(leadMinutes: number): Window {
  const from = offsetBeforeLive(leadMinutes, DNS.outageMinutesBeforeLive);
  return { fromOffsetMinutes: from, toOffsetMinutes: from + DNS.durationMinutes };
}

const ip = (rng: Rng) => `10.244.${rng.int(0, 2)}.${rng.int(2, 250)}`;
const failingLookup = (rng: Rng) =>
  rng.next() < 0.5
    ? `[INFO] ${ip(rng)}:${rng.int(30000, 60000)} - ${rng.int(1000, 65000)} "A IN ${DNS.host}. udp 51 false 512" SERVFAIL qr,rd 51 2.00${rng.int(100, 999)}s`
    : `[ERROR] plugin/errors: 2 ${DNS.host}. A: read udp ${ip(rng)}:${rng.int(30000, 60000)}->10.0.0.2:53: i/o timeout`;

const lookupError = (t: number) =>
  [
    JSON.stringify({ level: "error", ts: new Date(t).toISOString(), msg: "payment authorization failed", error: `Post "http://${DNS.host}/v1/authorize": dial tcp: lookup ${DNS.host}: no such host` }),
    "goroutine 214 [running]:",
    "shop/checkout/payments.(*Client).Authorize(0xc0001a2000, {0x1c3e2a0, 0xc00039e0f0})",
    "\t/src/internal/payments/client.go:88 +0x2f1",
  ].join("\n");

function behave(image: string, timing: ScenarioTiming) {
  const w = dnsWindow(timing.leadMinutes);
  const out = (t: number) => inWindow(timing, w, t);
  if (image.startsWith("registry.k8s.io/coredns")) {
    const base = healthyCoredns();
    return { ...base, logEverySeconds: 20, logLine: (rng: Rng, t: number) => (out(t) ? failingLookup(rng) : base.logLine(rng, t)) };
  }
  if (image === DEMO.checkout.goodImage) {
    const base = healthyCheckout();
    return { ...base, logEverySeconds: 30, logLine: (rng: Rng, t: number) => (out(t) && rng.next() < DNS.errorShareOfCheckout ? lookupError(t) : base.logLine(rng, t)) };
  }
  if (image === INGRESS.image) {
    return ingressBehavior((rng, t) => {
      const p = normalTraffic(rng);
      if (!out(t) || p.upstream !== "checkout" || rng.next() >= DNS.errorShareOfCheckout) return p;
      return { upstream: "checkout", code: rng.next() < 0.7 ? 502 : 504, seconds: [2, 5.1] };
    });
  }
  return undefined;
}

export const dnsOutage: Scenario = {
  description: "CoreDNS answers SERVFAIL for 15 minutes: checkout logs 'no such host', the ingress serves 5xx",
  install: (cluster, timing) => void installShop(cluster, timing, { apps: baseApps(), ingress: true }),
  behaviorFor: (pod, timing) => shopBehavior(pod, (image) => behave(image, timing)),
  groundTruth(opts = {}): ScenarioTruth {
    const lead = opts.leadMinutes ?? DEFAULT_LEAD_MINUTES;
    const w = dnsWindow(lead);
    const c = DEMO.checkout;
    return {
      scenario: "dns-outage",
      leadMinutes: lead,
      incidents: [
        expectIncident(
          c,
          {
            id: "checkout-dns",
            signal: "ErrorRate",
            window: w,
            cause: { kind: "DNS", evidence: "log", resolver: `${DEMO.coredns.namespace}/${DEMO.coredns.name}`, resolverLog: "SERVFAIL", appLog: `dial tcp: lookup ${DNS.host}: no such host`, ingressStatus: [502, 504] },
          },
          opts.scenarioStart,
        ),
      ],
      slo: [expectSloImpact(c, "errors", w)],
      rightsizing: [],
      healthy: leftAlone(DEMO.frontend),
    };
  },
};
