import { prisma } from "@/lib/db/client.ts";
import { getPool } from "@/lib/db/pool.ts";
import type { SloCardData } from "@/lib/views/slo.ts";
import { toSloCard } from "./map-slo.ts";
import { toHourlyBurn, type HourBucket } from "./hourly-burn.ts";

// One row per SLO (or the one asked for) and hour for the 24 hours ending at the hour of its cluster's newest report
// (or, before the cluster reported anything, its newest measured hour). Empty hours come back with NULL sums.
// The analyzer keeps every hour's sums (sli_hours, the current hour's too), so this reads 24 rows an SLO.
const HOURLY_SQL = `
WITH ends AS (
  SELECT s.id, date_trunc('hour', COALESCE(c.last_event_at,
           (SELECT max(x.hour) FROM sli_hours x WHERE x.slo_id = s.id), now())) AS end_hour
  FROM slos s
  JOIN workloads w ON w.id = s.workload_id
  JOIN clusters c ON c.id = w.cluster_id
  WHERE $1::uuid IS NULL OR s.id = $1
)
SELECT e.id AS slo_id, h.hour, x.good, x.total
FROM ends e
CROSS JOIN LATERAL generate_series(e.end_hour - interval '23 hours', e.end_hour, interval '1 hour') AS h(hour)
LEFT JOIN sli_hours x ON x.slo_id = e.id AND x.hour = h.hour
ORDER BY e.id, h.hour`;

type HourRow = { slo_id: string; hour: Date; good: number | null; total: number | null };

export async function getHourlyBuckets(sloId?: string): Promise<Map<string, HourBucket[]>> {
  const { rows } = await getPool().query<HourRow>(HOURLY_SQL, [sloId ?? null]);
  const bySlo = new Map<string, HourBucket[]>();
  for (const r of rows) {
    const list = bySlo.get(r.slo_id) ?? [];
    list.push({ sloId: r.slo_id, hour: new Date(r.hour), good: r.good, total: r.total });
    bySlo.set(r.slo_id, list);
  }
  return bySlo;
}

export async function getSloCards(): Promise<SloCardData[]> {
  const [slos, buckets] = await Promise.all([
    prisma().slo.findMany({
      include: { status: true, sourceError: true, workload: { include: { cluster: { select: { name: true } } } }, charges: { orderBy: { position: "asc" }, take: 3 } },
    }),
    getHourlyBuckets(),
  ]);
  const cards = slos.map((s) => toSloCard(s, toHourlyBurn(buckets.get(s.id) ?? [], s.target)));
  // Trouble first: paging SLOs, then tickets, then the least budget left.
  const rank = (c: SloCardData) => (c.status?.alert === "page" ? 0 : c.status?.alert === "ticket" ? 1 : 2);
  return cards.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.status?.budgetRemaining ?? 1) - (b.status?.budgetRemaining ?? 1) ||
      `${a.workload.namespace}/${a.workload.name}`.localeCompare(`${b.workload.namespace}/${b.workload.name}`),
  );
}
