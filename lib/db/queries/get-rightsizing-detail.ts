import { prisma } from "@/lib/db/client.ts";
import { HOURS_PER_MONTH } from "@/lib/domain/rightsizing-savings.ts";
import { configuredPrices } from "./configured-prices.ts";
import { iso, isoOrNull, num, numOrNull } from "./map-rows.ts";
import { recommendationInclude, toRecommendationRow } from "./map-recommendation.ts";
import { readEvidence } from "@/lib/views/recommendation-evidence.ts";
import type { RightsizingDetail } from "@/lib/views/rightsizing.ts";

const FALLBACK_HISTORY_MS = 14 * 24 * 3_600_000;

// One container's suggestions (every strategy) with the usage buckets they were computed from: the
// chart spans exactly the history the analyzer read, so every figure can be found on it.
export async function getRightsizingDetail(id: string): Promise<RightsizingDetail | null> {
  const db = prisma();
  const selected = await db.recommendation.findUnique({ where: { id }, include: { workload: { select: { clusterId: true } } } });
  if (!selected) return null;
  const siblings = await db.recommendation.findMany({ where: { workloadId: selected.workloadId, container: selected.container }, include: recommendationInclude, orderBy: { strategy: "asc" } });
  const prices = configuredPrices();
  const strategies = siblings.map((r) => ({ row: toRecommendationRow(r, prices), evidence: readEvidence(r.basis) }));
  const w = siblings[0].workload;
  const froms = strategies.map((s) => s.evidence.historyFrom).filter((v): v is string => !!v).map(Date.parse);
  const tos = strategies.map((s) => s.evidence.historyTo).filter((v): v is string => !!v).map(Date.parse);
  const to = new Date(tos.length ? Math.max(...tos) : selected.computedAt.getTime());
  const from = new Date(froms.length ? Math.min(...froms) : to.getTime() - FALLBACK_HISTORY_MS);
  const [buckets, slos] = await Promise.all([
    db.usageRollup.findMany({
      where: { clusterId: selected.workload.clusterId, namespace: w.namespace, ownerKind: w.kind, ownerName: w.name, container: selected.container, bucket: { gte: from, lt: to } },
      orderBy: { bucket: "asc" },
    }),
    db.slo.findMany({ where: { workloadId: selected.workloadId }, include: { status: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    selectedId: selected.id,
    cluster: w.cluster.name,
    namespace: w.namespace,
    workload: w.name,
    workloadKind: w.kind,
    container: selected.container,
    current: {
      cpuRequestMillis: selected.currentCpuRequestMillis,
      cpuLimitMillis: selected.currentCpuLimitMillis,
      memoryRequestBytes: numOrNull(selected.currentMemoryRequestBytes),
      memoryLimitBytes: numOrNull(selected.currentMemoryLimitBytes),
    },
    replicas: selected.replicas,
    strategies,
    usage: {
      from: iso(from),
      to: iso(to),
      points: buckets.map((b) => ({
        start: b.bucket.getTime(),
        samples: b.samples,
        cpuP50: b.cpuP50,
        cpuP95: b.cpuP95,
        cpuMax: b.cpuMax,
        memoryP50: num(b.memoryP50),
        memoryP95: num(b.memoryP95),
        memoryMax: num(b.memoryMax),
      })),
    },
    slos: slos.map((s) => ({ name: s.name, burnRate1h: s.status?.burnRate1h ?? null, burnRate6h: s.status?.burnRate6h ?? null, computedAt: isoOrNull(s.status?.computedAt) })),
    prices: { ...prices, hoursPerMonth: HOURS_PER_MONTH },
  };
}
