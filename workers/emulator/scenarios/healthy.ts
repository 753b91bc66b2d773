import { DEMO } from "./demo.ts";
import { DEFAULT_LEAD_MINUTES, leftAlone, type Scenario } from "./ground-truth.ts";
import { baseApps, INGRESS, installShop, shopBehavior } from "./shop.ts";

/** The baseline: a shop with nothing wrong, and every kind of object a real namespace holds. */
export const healthy: Scenario = {
  description: "a healthy shop: frontend, checkout, CoreDNS, ingress-nginx, with Services, config, HPA, PDB, Ingress, NetworkPolicy and RBAC",
  install: (cluster, timing) => void installShop(cluster, timing, { apps: baseApps(), ingress: true }),
  behaviorFor: (pod) => shopBehavior(pod),
  groundTruth: (opts = {}) => ({
    scenario: "healthy",
    leadMinutes: opts.leadMinutes ?? DEFAULT_LEAD_MINUTES,
    incidents: [],
    slo: [],
    rightsizing: [],
    healthy: leftAlone(DEMO.frontend, DEMO.checkout, DEMO.coredns, INGRESS),
  }),
};
