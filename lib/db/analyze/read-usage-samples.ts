import { getPool } from "@/lib/db/pool.ts";
import type { UsagePoint } from "@/lib/domain/rightsizing.ts";

// Usage of one container across all pods of a workload (KRR pools the pods of a workload).
export async function readUsageSamples(
  clusterId: string,
  target: { kind: string; namespace: string; workloadName: string; container: string },
  from: Date,
  to: Date,
): Promise<UsagePoint[]> {
  const { rows } = await getPool().query<{ ts: Date; cpu: number; mem: number }>(
    `SELECT ts, cpu_millis AS cpu, memory_bytes AS mem FROM usage_samples
      WHERE cluster_id = $1 AND namespace = $2 AND workload_name = $3 AND container = $4
        AND workload_kind::text = $5 AND ts >= $6 AND ts <= $7`,
    [clusterId, target.namespace, target.workloadName, target.container, target.kind, from, to],
  );
  return rows.map((r) => ({ ts: r.ts.getTime(), cpuMillis: r.cpu, memoryBytes: Number(r.mem) }));
}
