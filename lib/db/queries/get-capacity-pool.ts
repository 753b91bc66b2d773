import { getPool } from "@/lib/db/pool.ts";
import type { CapacityNodeRow, CapacityPoolDetail } from "@/lib/views/capacity.ts";
import { readPoolForecasts, readPoolPoints, toCapacityPool } from "./capacity-rows.ts";

// One pool with everything its figures come from: the nodes the analyzer put in it (and by which label),
// every hourly point the fit used, and the fit itself. Null when the analyzer knows no such pool.
export async function getCapacityPool(cluster: string, pool: string): Promise<CapacityPoolDetail | null> {
  const [found] = await readPoolForecasts({ cluster, pool });
  if (!found) return null;
  const [points, nodes] = await Promise.all([
    readPoolPoints([found]),
    getPool().query<{ node: string; pool_label: string | null; ready: boolean; ac: number; am: number; rc: number; rm: number; pods: number; created_at: Date | null; deleted_at: Date | null }>(
      `SELECT node, pool_label, ready, allocatable_cpu_millis AS ac, allocatable_memory_bytes AS am, requested_cpu_millis AS rc,
              requested_memory_bytes AS rm, pods, created_at, deleted_at
         FROM capacity_pool_nodes WHERE cluster_id = $1 AND pool = $2 ORDER BY deleted_at IS NOT NULL, node`,
      [found.clusterId, pool],
    ),
  ]);
  return {
    pool: toCapacityPool(found, points.get(`${found.clusterId}/${pool}`) ?? []),
    nodes: nodes.rows.map((r): CapacityNodeRow => ({
      node: r.node,
      poolLabel: r.pool_label,
      ready: r.ready,
      allocatableCpuMillis: r.ac,
      allocatableMemoryBytes: Number(r.am),
      requestedCpuMillis: r.rc,
      requestedMemoryBytes: Number(r.rm),
      pods: r.pods,
      createdAt: r.created_at?.toISOString() ?? null,
      deletedAt: r.deleted_at?.toISOString() ?? null,
    })),
    computedAt: found.forecasts[0]?.computedAt ?? null,
  };
}
