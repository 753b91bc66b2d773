import { getPool } from "@/lib/db/pool.ts";
import type { UsageBucket } from "@/lib/domain/usage-history.ts";

export type ContainerRef = { kind: string; namespace: string; workloadName: string; container: string };

// Each workload container's 5-minute usage buckets (all its pods pooled, as KRR pools them), oldest
// first, answered in the order asked, in one statement. The rollups' read index leads with exactly
// these columns and holds every column read, so each container is one index-only range (OFFSET 0 keeps
// the planner from trading those ranges for a scan of the whole table).
export async function readUsageRollups(clusterId: string, targets: readonly ContainerRef[], from: Date, to: Date): Promise<UsageBucket[][]> {
  const out: UsageBucket[][] = targets.map(() => []);
  if (targets.length === 0) return out;
  // Bucket starts come as epoch milliseconds: parsing half a million timestamps into Dates costs more
  // than the read itself.
  const { rows } = await getPool().query<{ i: string; start: number; samples: number; cpu_p50: number; cpu_p95: number; cpu_max: number; memory_p50: number; memory_p95: number; memory_max: number }>(
    `SELECT t.i, extract(epoch FROM u.bucket)::float8 * 1000 AS start, u.samples, u.cpu_p50, u.cpu_p95, u.cpu_max, u.memory_p50, u.memory_p95, u.memory_max
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(namespace, kind, name, container, i)
       CROSS JOIN LATERAL (
         SELECT bucket, samples, cpu_p50, cpu_p95, cpu_max, memory_p50, memory_p95, memory_max FROM usage_rollups_5m
          WHERE cluster_id = $1 AND namespace = t.namespace AND owner_kind = t.kind AND owner_name = t.name AND container = t.container
            AND bucket >= $6 AND bucket < $7
          ORDER BY bucket OFFSET 0) u`,
    [clusterId, targets.map((t) => t.namespace), targets.map((t) => t.kind), targets.map((t) => t.workloadName), targets.map((t) => t.container), from, to],
  );
  for (const r of rows) {
    out[Number(r.i) - 1].push({
      start: r.start,
      samples: r.samples,
      cpuP50: r.cpu_p50,
      cpuP95: r.cpu_p95,
      cpuMax: r.cpu_max,
      memoryP50: Number(r.memory_p50),
      memoryP95: Number(r.memory_p95),
      memoryMax: Number(r.memory_max),
    });
  }
  for (const buckets of out) buckets.sort((a, b) => a.start - b.start);
  return out;
}
