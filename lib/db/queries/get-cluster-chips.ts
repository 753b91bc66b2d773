import { prisma } from "@/lib/db/client.ts";
import { ingestHealth } from "@/lib/domain/ingest-health.ts";
import type { ClusterChip } from "@/lib/views/cluster.ts";
import { isoOrNull, num, numOrNull } from "./map-rows.ts";

// Each cluster with its ingest health, judged against the database's clock (the same clock workers'
// heartbeats and leases are written with), so an app server with a skewed clock still tells the truth.
export async function getClusterChips(): Promise<ClusterChip[]> {
  const [rows, [{ now }]] = await Promise.all([
    prisma().cluster.findMany({ orderBy: { name: "asc" }, include: { lease: true } }),
    prisma().$queryRaw<{ now: Date }[]>`SELECT now() AS now`,
  ]);
  return rows.map((c) => {
    const health = ingestHealth(
      {
        status: c.status,
        lastError: c.lastError,
        lastSyncAt: c.lastSyncAt,
        lagMs: c.ingestLagMs,
        droppedRows: num(c.droppedRows),
        holder: c.lease?.holder ?? null,
        leaseExpiresAt: c.lease?.expiresAt ?? null,
      },
      now,
    );
    return {
      id: c.id,
      name: c.name,
      status: health.state,
      summary: health.summary,
      lastEventAt: isoOrNull(c.lastEventAt),
      lastSyncAt: isoOrNull(c.lastSyncAt),
      lagMs: numOrNull(c.ingestLagMs),
      droppedRows: num(c.droppedRows),
      worker: c.lease?.holder ?? null,
      lastError: c.lastError,
    };
  });
}

// The cockpit measures "now" on the clusters' clock (their newest report), so a replayed or skewed
// cluster still shows its last 24 hours; with no cluster data yet, the server clock stands in.
export function clusterNow(chips: ClusterChip[], fallback: Date): Date {
  const times = chips.flatMap((c) => (c.lastEventAt ? [new Date(c.lastEventAt).getTime()] : []));
  return times.length ? new Date(Math.max(...times)) : fallback;
}
