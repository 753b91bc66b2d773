import { editTemplateAt, MIN, offsetBeforeLive } from "./building-blocks.ts";
import { configHash } from "./cluster-objects.ts";
import { DEMO } from "./demo.ts";
import { DEFAULT_LEAD_MINUTES, expectIncident, expectSloImpact, leftAlone, type Scenario, type ScenarioTruth } from "./ground-truth.ts";
import { baseApps, installShop, SHOP_CONFIG, shopBehavior } from "./shop.ts";

/**
 * Someone renames DATABASE_URL to DB_URL in checkout's ConfigMap. Running pods keep their environment;
 * the next `kubectl rollout restart` starts pods kubelet cannot create (CreateContainerConfigError),
 * and the rollout stalls with one replica short until the key is put back.
 */
export const CONFIG_BREAK = {
  configMap: "checkout-config",
  missingKey: "DATABASE_URL",
  renamedTo: "DB_URL",
  editMinutesBeforeLive: 70,
  restartAfterMinutes: 5,
  fixAfterMinutes: 25,
} as const;

const original = SHOP_CONFIG["checkout-config"];
const broken = (() => {
  const { [CONFIG_BREAK.missingKey]: value, ...rest } = original;
  return { ...rest, [CONFIG_BREAK.renamedTo]: value };
})();

export function configBreakTimeline(leadMinutes: number) {
  const edit = offsetBeforeLive(leadMinutes, CONFIG_BREAK.editMinutesBeforeLive);
  return { editOffsetMinutes: edit, restartOffsetMinutes: edit + CONFIG_BREAK.restartAfterMinutes, fixOffsetMinutes: edit + CONFIG_BREAK.fixAfterMinutes };
}

const checkoutEnv = [
  { name: "DATABASE_URL", valueFrom: { configMapKeyRef: { name: CONFIG_BREAK.configMap, key: CONFIG_BREAK.missingKey } } },
  { name: "PAYMENT_URL", valueFrom: { configMapKeyRef: { name: CONFIG_BREAK.configMap, key: "PAYMENT_URL" } } },
  { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "checkout-db", key: "password" } } },
];

export const configmapBreak: Scenario = {
  description: "checkout-config loses DATABASE_URL; restarted checkout pods fail with CreateContainerConfigError until it is restored",
  install(cluster, timing) {
    const apps = baseApps().map((a) => (a.name === DEMO.checkout.name ? { ...a, container: { env: checkoutEnv } } : a));
    installShop(cluster, timing, { apps });
    const tl = configBreakTimeline(timing.leadMinutes);
    const { store, sched } = cluster.sim;
    const setData = (data: Record<string, string>, manager: string) => () =>
      store.update("configmaps", "shop", CONFIG_BREAK.configMap, { manager, time: sched.now() }, (cm) => void (cm.data = { ...data }));
    sched.at(timing.start + tl.editOffsetMinutes * MIN, setData(broken, "kubectl-edit"));
    editTemplateAt(cluster, timing.start + tl.restartOffsetMinutes * MIN, "shop", DEMO.checkout.name, "kubectl-rollout", (t) => {
      t.metadata.annotations = { ...t.metadata.annotations, "kubectl.kubernetes.io/restartedAt": new Date(timing.start + tl.restartOffsetMinutes * MIN).toISOString() };
    });
    sched.at(timing.start + tl.fixOffsetMinutes * MIN, setData(original, "kubectl-edit"));
  },
  behaviorFor: (pod) => shopBehavior(pod),
  groundTruth(opts = {}): ScenarioTruth {
    const lead = opts.leadMinutes ?? DEFAULT_LEAD_MINUTES;
    const tl = configBreakTimeline(lead);
    const c = DEMO.checkout;
    const window = { fromOffsetMinutes: tl.restartOffsetMinutes, toOffsetMinutes: tl.fixOffsetMinutes };
    return {
      scenario: "configmap-break",
      leadMinutes: lead,
      incidents: [
        expectIncident(
          c,
          {
            id: "checkout-config-error",
            signal: "CreateContainerConfigError",
            window,
            cause: {
            kind: "ConfigMapChange",
            evidence: "change",
            configMap: `${c.namespace}/${CONFIG_BREAK.configMap}`,
            changedAtOffsetMinutes: tl.editOffsetMinutes,
            fromHash: configHash(original),
            toHash: configHash(broken),
            message: `couldn't find key ${CONFIG_BREAK.missingKey} in ConfigMap ${c.namespace}/${CONFIG_BREAK.configMap}`,
          },
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
