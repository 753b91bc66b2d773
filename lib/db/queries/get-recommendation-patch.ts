import { prisma } from "@/lib/db/client.ts";
import { buildResourcePatch, type ResourcePatch } from "@/lib/domain/rightsizing-patch.ts";
import { num, numOrNull } from "./map-rows.ts";
import { recommendationInclude } from "./map-recommendation.ts";

// A stored suggestion as a kubectl strategic-merge patch; null when there is no such suggestion.
export async function getRecommendationPatch(id: string): Promise<ResourcePatch | null> {
  const r = await prisma().recommendation.findUnique({ where: { id }, include: recommendationInclude });
  if (!r) return null;
  return buildResourcePatch(
    { cluster: r.workload.cluster.name, kind: r.workload.kind, namespace: r.workload.namespace, workload: r.workload.name, container: r.container },
    {
      cpuRequestMillis: r.currentCpuRequestMillis,
      cpuLimitMillis: r.currentCpuLimitMillis,
      memoryRequestBytes: numOrNull(r.currentMemoryRequestBytes),
      memoryLimitBytes: numOrNull(r.currentMemoryLimitBytes),
    },
    { cpuRequestMillis: r.cpuRequestMillis, memoryRequestBytes: num(r.memoryRequestBytes), memoryLimitBytes: num(r.memoryLimitBytes) },
    r.held,
  );
}
