import { atOffset } from "./building-blocks.ts";
import { DEMO, leakingReports } from "./demo.ts";
import { BOOT_MINUTES, DEFAULT_LEAD_MINUTES, deployment, leftAlone, type ExpectedIncident, type Scenario, type ScenarioTruth } from "./ground-truth.ts";
import { baseApps, installShop, shopBehavior } from "./shop.ts";

/** reports leaks to its 512Mi limit in exactly this many minutes, so every OOM kill is predictable. */
export const LEAK = { ...DEMO.reports, oomEveryMinutes: [25, 25] as const };
// Kubelet timings the kill times follow: the first container starts 4 s after the Deployment exists
// (bind 1 s, prepare 1 s, start 2 s), BOOT_MINUTES before the scenario start; after a kill it runs
// again 10 s later (the first back-off step).
const FIRST_START_SECONDS = 4;
const RESTART_SECONDS = 10;

/** Scenario offsets (minutes) of each OOM kill within the lead. */
export function oomOffsets(leadMinutes: number) {
  const every = LEAK.oomEveryMinutes[0];
  const out: number[] = [];
  for (let k = 1; ; k++) {
    const at = -BOOT_MINUTES + FIRST_START_SECONDS / 60 + k * every + ((k - 1) * RESTART_SECONDS) / 60;
    if (at > leadMinutes) return out;
    if (at > 0) out.push(Math.round(at * 1000) / 1000);
  }
}

export const memoryLeak: Scenario = {
  description: `reports leaks memory to its ${LEAK.memoryLimitMi}Mi limit and is OOMKilled every ${LEAK.oomEveryMinutes[0]} minutes`,
  install: (cluster, timing) => void installShop(cluster, timing, { apps: baseApps({ reports: true }) }),
  behaviorFor: (pod) => shopBehavior(pod, (image) => (image === DEMO.reports.image ? leakingReports(LEAK) : undefined)),
  groundTruth(opts = {}): ScenarioTruth {
    const lead = opts.leadMinutes ?? DEFAULT_LEAD_MINUTES;
    const r = LEAK;
    const incidents: ExpectedIncident[] = oomOffsets(lead).map((at, i) => ({
      id: `reports-oomkilled-${i + 1}`,
      namespace: r.namespace,
      workload: deployment(r.name),
      signal: "OOMKilled",
      startOffsetMinutes: at,
      // Not ready again until its readiness delay has passed after the restart.
      endOffsetMinutes: at + (RESTART_SECONDS + r.notReadyAfterStartSeconds) / 60,
      startedAt: atOffset(opts.scenarioStart, at),
      endedAt: atOffset(opts.scenarioStart, at + (RESTART_SECONDS + r.notReadyAfterStartSeconds) / 60),
      cause: { kind: "MemoryLimit", evidence: "metric", memoryLimit: `${r.memoryLimitMi}Mi`, exitCode: 137, kernelEvent: "OOMKilling" },
    }));
    return {
      scenario: "memory-leak",
      leadMinutes: lead,
      incidents,
      slo: incidents.map((i) => ({ namespace: r.namespace, workload: deployment(r.name), sli: "availability" as const, fromOffsetMinutes: i.startOffsetMinutes, toOffsetMinutes: i.endOffsetMinutes! })),
      rightsizing: [],
      healthy: leftAlone(DEMO.frontend, DEMO.checkout),
    };
  },
};
