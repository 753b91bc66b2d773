import { prisma } from "@/lib/db/client.ts";
import type { ClusterChip } from "./types.ts";
import { isoOrNull } from "./map-rows.ts";

export async function getClusterChips(): Promise<ClusterChip[]> {
  const rows = await prisma().cluster.findMany({ orderBy: { name: "asc" } });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    status: c.status,
    lastEventAt: isoOrNull(c.lastEventAt),
    lastError: c.lastError,
  }));
}

// The cockpit measures "now" on the clusters' clock (their newest report), so a replayed or skewed
// cluster still shows its last 24 hours; with no cluster data yet, the server clock stands in.
export function clusterNow(chips: ClusterChip[], fallback: Date): Date {
  const times = chips.flatMap((c) => (c.lastEventAt ? [new Date(c.lastEventAt).getTime()] : []));
  return times.length ? new Date(Math.max(...times)) : fallback;
}
