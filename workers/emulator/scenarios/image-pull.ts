import { editTemplateAt, MIN, offsetBeforeLive, REGISTRY } from "./building-blocks.ts";
import { DEMO, healthyCheckout } from "./demo.ts";
import { DEFAULT_LEAD_MINUTES, expectIncident, expectSloImpact, leftAlone, type Scenario, type ScenarioTruth } from "./ground-truth.ts";
import { baseApps, installShop, shopBehavior } from "./shop.ts";

/** A release pipeline deploys a checkout tag it never pushed; 20 minutes later it is rolled back. */
export const IMAGE_PULL = {
  missingImage: `${REGISTRY}/checkout:1.5.1`,
  registryError: "not found",
  rolloutMinutesBeforeLive: 50,
  rollbackMinutesBeforeLive: 30,
} as const;

export function imagePullTimeline(leadMinutes: number) {
  const rollout = offsetBeforeLive(leadMinutes, IMAGE_PULL.rolloutMinutesBeforeLive);
  return { rolloutOffsetMinutes: rollout, rollbackOffsetMinutes: rollout + IMAGE_PULL.rolloutMinutesBeforeLive - IMAGE_PULL.rollbackMinutesBeforeLive };
}

export const imagePull: Scenario = {
  description: "checkout is rolled out to a tag that does not exist: ErrImagePull → ImagePullBackOff until the rollback",
  install(cluster, timing) {
    installShop(cluster, timing, { apps: baseApps() });
    const tl = imagePullTimeline(timing.leadMinutes);
    const c = DEMO.checkout;
    editTemplateAt(cluster, timing.start + tl.rolloutOffsetMinutes * MIN, c.namespace, c.name, "argocd-controller", (t) => void (t.spec.containers[0].image = IMAGE_PULL.missingImage));
    editTemplateAt(cluster, timing.start + tl.rollbackOffsetMinutes * MIN, c.namespace, c.name, "kubectl-rollout", (t) => void (t.spec.containers[0].image = c.goodImage));
  },
  behaviorFor: (pod) => shopBehavior(pod, (image) => (image === IMAGE_PULL.missingImage ? { ...healthyCheckout(), pullError: IMAGE_PULL.registryError } : undefined)),
  groundTruth(opts = {}): ScenarioTruth {
    const lead = opts.leadMinutes ?? DEFAULT_LEAD_MINUTES;
    const tl = imagePullTimeline(lead);
    const c = DEMO.checkout;
    const window = { fromOffsetMinutes: tl.rolloutOffsetMinutes, toOffsetMinutes: tl.rollbackOffsetMinutes };
    return {
      scenario: "image-pull",
      leadMinutes: lead,
      incidents: [
        expectIncident(
          c,
          {
            id: "checkout-imagepull",
            signal: "ImagePullBackOff",
            window,
            cause: { kind: "ImagePull", evidence: "event", image: IMAGE_PULL.missingImage, from: c.goodImage, eventMessage: `Failed to pull image "${IMAGE_PULL.missingImage}"`, registryError: IMAGE_PULL.registryError },
          },
          opts.scenarioStart,
        ),
      ],
      slo: [expectSloImpact(c, "availability", window)],
      rightsizing: [],
      healthy: leftAlone(DEMO.frontend),
    };
  },
};
