import { prisma } from "@/lib/db/client.ts";
import { clusterNow, getClusterChips } from "./get-cluster-chips.ts";
import { getHourlyBuckets } from "./get-slo-cards.ts";
import { toHourlyBurn } from "./hourly-burn.ts";
import { isoOrNull } from "./map-rows.ts";
import { toSloCard, toWindowRows } from "./map-slo.ts";
import type { SloDetail } from "@/lib/views/slo.ts";

const RECENT_MINUTES = 60;

const intervals = (v: unknown): { from: string; to: string; bad: number }[] =>
  Array.isArray(v) ? v.filter((i): i is { from: string; to: string; bad: number } => typeof i?.from === "string" && typeof i?.to === "string" && typeof i?.bad === "number") : [];

// One SLO with every figure behind its card: the definition as written, each window of the burn-rate
// table with its event counts, and the budget charged to each change with the intervals it spent.
export async function getSloDetail(id: string, now: Date = new Date()): Promise<SloDetail | null> {
  const row = await prisma().slo.findUnique({
    where: { id },
    include: { status: true, sourceError: true, workload: { include: { cluster: { select: { name: true } } } }, charges: { orderBy: { position: "asc" } } },
  });
  if (!row) return null;
  const [buckets, clusters, recent] = await Promise.all([
    getHourlyBuckets(id),
    getClusterChips(),
    prisma().sliSample.findMany({ where: { sloId: id, total: { gt: 0 } }, orderBy: { ts: "desc" }, take: RECENT_MINUTES }),
  ]);
  return {
    asOf: clusterNow(clusters, now).toISOString(),
    slo: toSloCard(row, toHourlyBurn(buckets.get(id) ?? [], row.target)),
    sourceYaml: row.sourceYaml,
    windowStart: isoOrNull(row.status?.windowStart ?? null),
    windows: toWindowRows(row.status?.windows),
    charges: row.charges.map((c) => ({ description: c.description, spent: c.spent, changeId: c.changeId, bad: c.bad, intervals: intervals(c.intervals) })),
    recent: recent.map((r) => ({ ts: r.ts.toISOString(), good: r.good, total: r.total })),
  };
}
