
import { DEMO, demoGroundTruth, demoTimeline, scheduleCheckoutRollout } from "./demo.ts";
import { DEFAULT_LEAD_MINUTES, expectIncident, expectSloImpact, leftAlone, type Scenario, type ScenarioTruth } from "./ground-truth.ts";
import { baseApps, installShop, shopBehavior } from "./shop.ts";

/** The demo's checkout story alone: 1.5.0 crash-loops on a missing PAYMENT_URL until it is rolled back. */
export const badRollout: Scenario = {
  description: "checkout 1.4.2 → 1.5.0 crash-loops (CrashLoopBackOff) and is rolled back 20 minutes later",
  install(cluster, timing) {
    installShop(cluster, timing, { apps: baseApps() });
    scheduleCheckoutRollout(cluster, timing.start, timing.leadMinutes);
  },
  behaviorFor: (pod) => shopBehavior(pod),
  groundTruth(opts = {}): ScenarioTruth {
    const lead = opts.leadMinutes ?? DEFAULT_LEAD_MINUTES;
    const tl = demoTimeline(lead);
    const demo = demoGroundTruth({ leadMinutes: lead, scenarioStart: opts.scenarioStart }).incidents[0];
    const c = DEMO.checkout;
    const window = { fromOffsetMinutes: tl.rolloutOffsetMinutes, toOffsetMinutes: tl.rollbackOffsetMinutes };
    return {
      scenario: "bad-rollout",
      leadMinutes: lead,
      incidents: [
        expectIncident(
          c,
          {
            id: "checkout-crashloop",
            signal: "CrashLoopBackOff",
            window,
            cause: { kind: "ImageChange", evidence: "change", container: c.name, from: c.goodImage, to: c.badImage, revision: 2, logEvidence: demo.logEvidence, exitCode: demo.exitCode },
          },
          opts.scenarioStart,
        ),
      ],
      // 3 of 4 replicas available while the rollout is stuck: within what a rolling update may take out,
      // so availability counts it only once the rollout is past its 10-minute progress deadline.
      slo: [expectSloImpact(c, "availability", { ...window, fromOffsetMinutes: window.fromOffsetMinutes + 10 })],
      rightsizing: [],
      healthy: leftAlone(DEMO.frontend, DEMO.coredns),
    };
  },
};
