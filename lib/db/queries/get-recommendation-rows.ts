import { prisma } from "@/lib/db/client.ts";
import type { RecommendationRow } from "./types.ts";
import { iso, num, numOrNull } from "./map-rows.ts";
import { readBasis, savingsOf } from "./recommendation-basis.ts";

export async function getRecommendationRows(): Promise<RecommendationRow[]> {
  const rows = await prisma().recommendation.findMany({
    include: { workload: { select: { namespace: true, name: true, cluster: { select: { name: true } } } } },
  });
  return rows
    .map((r): RecommendationRow => {
      const current = {
        cpuMillis: r.currentCpuRequestMillis,
        memoryRequestBytes: numOrNull(r.currentMemoryRequestBytes),
        memoryLimitBytes: numOrNull(r.currentMemoryLimitBytes),
      };
      const recommended = {
        cpuMillis: r.cpuRequestMillis,
        memoryRequestBytes: num(r.memoryRequestBytes),
        memoryLimitBytes: num(r.memoryLimitBytes),
      };
      const { basis, enoughHistory, note } = readBasis(r.basis);
      return {
        id: r.id,
        cluster: r.workload.cluster.name,
        namespace: r.workload.namespace,
        workload: r.workload.name,
        container: r.container,
        current,
        recommended,
        basis,
        enoughHistory,
        note,
        savings: savingsOf(current, recommended, enoughHistory),
        computedAt: iso(r.computedAt),
      };
    })
    .sort((a, b) =>
      `${a.namespace}/${a.workload}/${a.container}`.localeCompare(`${b.namespace}/${b.workload}/${b.container}`),
    );
}
