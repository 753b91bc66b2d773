import type { Rng } from "../random.ts";
import { offsetBeforeLive } from "./building-blocks.ts";
import { DEMO, frontendAccessLine, healthyFrontend } from "./demo.ts";
import { DEFAULT_LEAD_MINUTES, expectIncident, expectSloImpact, leftAlone, type Scenario, type ScenarioTiming, type ScenarioTruth } from "./ground-truth.ts";
import { baseApps, inWindow, INGRESS, ingressBehavior, installShop, normalTraffic, shopBehavior, type Window } from "./shop.ts";

/** A sale doubles traffic for 30 minutes; frontend runs into its 1-CPU limit and requests slow down. */
export const THROTTLE = { loadMinutesBeforeLive: 90, durationMinutes: 30, cpuAtLimitMilli: [960, 1000] as const, slowSeconds: [0.6, 1.9] as const, latencyThresholdMs: 500 } as const;

export function throttleWindow(leadMinutes: number): Window {
  const from = offsetBeforeLive(leadMinutes, THROTTLE.loadMinutesBeforeLive);
  return { fromOffsetMinutes: from, toOffsetMinutes: from + THROTTLE.durationMinutes };
}

function behave(image: string, timing: ScenarioTiming) {
  const w = throttleWindow(timing.leadMinutes);
  const busy = (t: number) => inWindow(timing, w, t);
  if (image === DEMO.frontend.image) {
    const base = healthyFrontend();
    return {
      ...base,
      logLine: (rng: Rng, t: number) => (busy(t) ? frontendAccessLine(rng, t, { code: 200, seconds: THROTTLE.slowSeconds }) : base.logLine(rng, t)),
      cpuMilliAt: (t: number): [number, number] => (busy(t) ? [...THROTTLE.cpuAtLimitMilli] : base.cpuMilli),
    };
  }
  if (image === INGRESS.image) {
    return ingressBehavior((rng, t) => {
      const p = normalTraffic(rng);
      return busy(t) && p.upstream === "frontend" ? { ...p, code: 200, seconds: THROTTLE.slowSeconds } : p;
    });
  }
  return undefined;
}

export const cpuThrottling: Scenario = {
  description: "frontend pinned at its CPU limit under load for 30 minutes; ingress request times above 500 ms",
  install: (cluster, timing) => void installShop(cluster, timing, { apps: baseApps(), ingress: true }),
  behaviorFor: (pod, timing) => shopBehavior(pod, (image) => behave(image, timing)),
  groundTruth(opts = {}): ScenarioTruth {
    const lead = opts.leadMinutes ?? DEFAULT_LEAD_MINUTES;
    const w = throttleWindow(lead);
    const f = DEMO.frontend;
    return {
      scenario: "cpu-throttling",
      leadMinutes: lead,
      incidents: [
        expectIncident(
          f,
          { id: "frontend-cpu-throttled", signal: "Latency", window: w, cause: { kind: "CpuLimit", evidence: "metric", cpuLimit: f.limits.cpu, usageMilli: THROTTLE.cpuAtLimitMilli } },
          opts.scenarioStart,
        ),
      ],
      slo: [expectSloImpact(f, "latency", w, THROTTLE.latencyThresholdMs)],
      rightsizing: [],
      healthy: leftAlone(DEMO.checkout),
    };
  },
};
