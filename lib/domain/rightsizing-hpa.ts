import { plural } from "./plural.ts";

// Right-sizing a workload a HorizontalPodAutoscaler scales. KRR gives up on these; Uptrust sizes each
// replica and says what the change does to the autoscaler: a utilization target is a share of the
// request, so a smaller request makes the same load read as higher utilization and the HPA adds pods.

export type Autoscaler = {
  name: string;
  minReplicas: number;
  maxReplicas: number;
  /** averageUtilization targets, in percent of the request; null when the HPA does not scale on it. */
  cpuTargetUtilization: number | null;
  memoryTargetUtilization: number | null;
};

export type HpaBasis = Autoscaler & {
  currentReplicas: number;
  medianCpuMillis: number;
  utilizationNow: number | null;
  utilizationAfter: number | null;
  expectedReplicasAfter: number | null;
  warning: string;
};

// Kubernetes leaves replicas alone while current/target utilization is within 10 % of 1.
const HPA_TOLERANCE = 0.1;

// The HPA's own rule: desired = ⌈current replicas × current utilization ÷ target utilization⌉, kept
// between min and max replicas, unchanged within the tolerance.
export function hpaDesiredReplicas(hpa: Autoscaler, currentReplicas: number, utilization: number, target: number): number {
  const ratio = utilization / target;
  if (Math.abs(ratio - 1) <= HPA_TOLERANCE) return currentReplicas;
  return Math.min(hpa.maxReplicas, Math.max(hpa.minReplicas, Math.ceil(currentReplicas * ratio)));
}

export function hpaAdvice(
  hpa: Autoscaler,
  input: { currentReplicas: number; medianCpuMillis: number; currentCpuMillis: number | null; recommendedCpuMillis: number },
): HpaBasis {
  const { currentReplicas, medianCpuMillis, currentCpuMillis, recommendedCpuMillis } = input;
  const pct = (x: number) => Math.round(x * 100);
  const utilizationNow = currentCpuMillis ? medianCpuMillis / currentCpuMillis : null;
  const utilizationAfter = recommendedCpuMillis > 0 ? medianCpuMillis / recommendedCpuMillis : null;
  const target = hpa.cpuTargetUtilization;
  const expectedReplicasAfter = target && utilizationAfter !== null ? hpaDesiredReplicas(hpa, currentReplicas, utilizationAfter * 100, target) : null;
  const range = `${hpa.minReplicas}–${hpa.maxReplicas} replicas`;
  const parts = [
    target
      ? `Scaled by HorizontalPodAutoscaler ${hpa.name} (${range}, CPU target ${target} % of the request).`
      : `Scaled by HorizontalPodAutoscaler ${hpa.name} (${range}).`,
  ];
  if (target && utilizationAfter !== null) {
    const now = utilizationNow === null ? "" : `median usage is ${pct(utilizationNow)} % of today's request and `;
    const outcome = expectedReplicasAfter === currentReplicas
      ? `which by the autoscaler's own rule keeps it at ${plural(currentReplicas, "replica")}`
      : `which by the autoscaler's own rule means about ${plural(expectedReplicasAfter ?? currentReplicas, "replica")} instead of ${currentReplicas}`;
    parts.push(`Its target is a share of the CPU request, so a different request changes what the target means: ${now}would be ${pct(utilizationAfter)} % of the suggested one, ${outcome}.`);
  }
  if (hpa.memoryTargetUtilization) parts.push(`Its memory target (${hpa.memoryTargetUtilization} %) is a share of the memory request in the same way.`);
  parts.push(`Sizes are per replica; savings count the ${plural(currentReplicas, "replica")} running now.`);
  return { ...hpa, currentReplicas, medianCpuMillis, utilizationNow, utilizationAfter, expectedReplicasAfter, warning: parts.join(" ") };
}
