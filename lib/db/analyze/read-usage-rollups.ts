import { getPool } from "@/lib/db/pool.ts";
import type { UsageBucket } from "@/lib/domain/usage-history.ts";

export type ContainerRef = { kind: string; namespace: string; workloadName: string; container: string };

// One workload container's 5-minute usage buckets (all its pods pooled, as KRR pools them), oldest
// first. The rollups' key leads with exactly these columns, so this is one index range per container.
export async function readUsageRollups(clusterId: string, target: ContainerRef, from: Date, to: Date): Promise<UsageBucket[]> {
  const { rows } = await getPool().query<{ bucket: Date; samples: number; cpu_p50: number; cpu_p95: number; cpu_max: number; memory_p50: number; memory_p95: number; memory_max: number }>(
    `SELECT bucket, samples, cpu_p50, cpu_p95, cpu_max, memory_p50, memory_p95, memory_max FROM usage_rollups_5m
      WHERE cluster_id = $1 AND namespace = $2 AND owner_kind = $3 AND owner_name = $4 AND container = $5
        AND bucket >= $6 AND bucket < $7
      ORDER BY bucket`,
    [clusterId, target.namespace, target.kind, target.workloadName, target.container, from, to],
  );
  return rows.map((r) => ({
    start: r.bucket.getTime(),
    samples: r.samples,
    cpuP50: r.cpu_p50,
    cpuP95: r.cpu_p95,
    cpuMax: r.cpu_max,
    memoryP50: Number(r.memory_p50),
    memoryP95: Number(r.memory_p95),
    memoryMax: Number(r.memory_max),
  }));
}
