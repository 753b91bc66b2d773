import { z } from "zod";
import { getPool } from "@/lib/db/pool.ts";
import type { Autoscaler } from "@/lib/domain/rightsizing-hpa.ts";

// The HorizontalPodAutoscalers of a cluster, keyed by the workload they scale ("Kind/namespace/name").
// Specs come from the cluster as stored by ingest: autoscaling/v2 (metrics[]) and v1
// (targetCPUUtilizationPercentage) are both read, and one malformed HPA is skipped, never fatal.

const utilization = z.number().positive().max(10_000);
const metric = z.looseObject({
  type: z.string(),
  resource: z.looseObject({ name: z.string(), target: z.looseObject({ type: z.string(), averageUtilization: utilization.nullish() }) }).nullish(),
});
const spec = z.looseObject({
  scaleTargetRef: z.looseObject({ kind: z.string().min(1), name: z.string().min(1) }),
  minReplicas: z.number().int().min(0).nullish(),
  maxReplicas: z.number().int().min(1),
  targetCPUUtilizationPercentage: utilization.nullish(),
  metrics: z.array(z.unknown()).nullish(),
});

export const autoscalerKey = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`;

function resourceTarget(metrics: readonly unknown[], resource: "cpu" | "memory"): number | null {
  for (const raw of metrics) {
    const m = metric.safeParse(raw);
    if (m.success && m.data.type === "Resource" && m.data.resource?.name === resource && m.data.resource.target.type === "Utilization") {
      return m.data.resource.target.averageUtilization ?? null;
    }
  }
  return null;
}

export function parseAutoscaler(name: string, raw: unknown): (Autoscaler & { targetKind: string; targetName: string }) | null {
  const parsed = spec.safeParse(raw);
  if (!parsed.success) return null;
  const s = parsed.data;
  const metrics = s.metrics ?? [];
  return {
    name,
    targetKind: s.scaleTargetRef.kind,
    targetName: s.scaleTargetRef.name,
    minReplicas: s.minReplicas ?? 1,
    maxReplicas: s.maxReplicas,
    cpuTargetUtilization: resourceTarget(metrics, "cpu") ?? s.targetCPUUtilizationPercentage ?? null,
    memoryTargetUtilization: resourceTarget(metrics, "memory"),
  };
}

export async function readAutoscalers(clusterId: string): Promise<Map<string, Autoscaler>> {
  const { rows } = await getPool().query<{ namespace: string; name: string; spec: unknown }>(
    `SELECT namespace, name, spec FROM kube_objects WHERE cluster_id = $1 AND kind = 'HorizontalPodAutoscaler' AND deleted_at IS NULL`,
    [clusterId],
  );
  const byTarget = new Map<string, Autoscaler>();
  for (const r of rows) {
    const hpa = parseAutoscaler(r.name, r.spec);
    if (!hpa) continue;
    const { targetKind, targetName, ...autoscaler } = hpa;
    byTarget.set(autoscalerKey(targetKind, r.namespace, targetName), autoscaler);
  }
  return byTarget;
}
