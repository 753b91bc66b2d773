import { getPool } from "@/lib/db/pool.ts";
import type { RightsizingBasis } from "@/lib/domain/rightsizing.ts";

export type RecommendationRow = {
  workloadId: string;
  container: string;
  current: { cpuRequestMillis: number | null; memoryRequestBytes: number | null; memoryLimitBytes: number | null };
  cpuRequestMillis: number;
  memoryRequestBytes: number;
  memoryLimitBytes: number;
  basis: RightsizingBasis;
  computedAt: Date;
};

// One recommendation per workload container and strategy, refreshed in place.
export async function upsertRecommendation(r: RecommendationRow): Promise<void> {
  await getPool().query(
    `INSERT INTO recommendations (workload_id, container, strategy, current_cpu_request_millis, current_memory_request_bytes,
       current_memory_limit_bytes, cpu_request_millis, memory_request_bytes, memory_limit_bytes, basis, computed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11)
     ON CONFLICT (workload_id, container, strategy) DO UPDATE SET
       current_cpu_request_millis = EXCLUDED.current_cpu_request_millis, current_memory_request_bytes = EXCLUDED.current_memory_request_bytes,
       current_memory_limit_bytes = EXCLUDED.current_memory_limit_bytes, cpu_request_millis = EXCLUDED.cpu_request_millis,
       memory_request_bytes = EXCLUDED.memory_request_bytes, memory_limit_bytes = EXCLUDED.memory_limit_bytes,
       basis = EXCLUDED.basis, computed_at = EXCLUDED.computed_at`,
    [r.workloadId, r.container, r.basis.strategy, r.current.cpuRequestMillis, r.current.memoryRequestBytes, r.current.memoryLimitBytes,
      r.cpuRequestMillis, r.memoryRequestBytes, r.memoryLimitBytes, JSON.stringify(r.basis), r.computedAt],
  );
}
