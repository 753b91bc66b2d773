import { prisma } from "@/lib/db/client.ts";
import { getHourlyBuckets } from "./get-slo-cards.ts";
import { toHourlyBurn } from "./hourly-burn.ts";
import { toSloCard } from "./map-slo.ts";
import type { SloCardData } from "@/lib/views/slo.ts";

// The SLOs of one workload as the cockpit's cards show them (same mapping, same hourly burn).
export async function getServiceSlos(workloadId: string): Promise<SloCardData[]> {
  const rows = await prisma().slo.findMany({
    where: { workloadId },
    include: { status: true, sourceError: true, workload: { include: { cluster: { select: { name: true } } } }, charges: { orderBy: { position: "asc" }, take: 3 } },
    orderBy: { name: "asc" },
  });
  const buckets = await Promise.all(rows.map((r) => getHourlyBuckets(r.id)));
  return rows.map((r, i) => toSloCard(r, toHourlyBurn(buckets[i].get(r.id) ?? [], r.target)));
}
