import { getPool } from "@/lib/db/pool.ts";
import type { KrrBasis } from "@/lib/domain/rightsizing.ts";
import type { HpaBasis } from "@/lib/domain/rightsizing-hpa.ts";
import type { VpaBasis } from "@/lib/domain/vpa.ts";

export type StoredBasis = (KrrBasis | VpaBasis) & { hpa: HpaBasis | null };

export type RecommendationRow = {
  workloadId: string;
  container: string;
  current: { cpuRequestMillis: number | null; cpuLimitMillis: number | null; memoryRequestBytes: number | null; memoryLimitBytes: number | null };
  cpuRequestMillis: number;
  memoryRequestBytes: number;
  memoryLimitBytes: number;
  replicas: number;
  heldReason: string | null;
  basis: StoredBasis;
  computedAt: Date;
};

// One recommendation per workload container and strategy, refreshed in place.
export async function upsertRecommendation(r: RecommendationRow): Promise<void> {
  await getPool().query(
    `INSERT INTO recommendations (workload_id, container, strategy, current_cpu_request_millis, current_cpu_limit_millis, current_memory_request_bytes,
       current_memory_limit_bytes, cpu_request_millis, memory_request_bytes, memory_limit_bytes, replicas, held, held_reason, basis, computed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text IS NOT NULL, $12::text, $13::jsonb, $14)
     ON CONFLICT (workload_id, container, strategy) DO UPDATE SET
       current_cpu_request_millis = EXCLUDED.current_cpu_request_millis, current_cpu_limit_millis = EXCLUDED.current_cpu_limit_millis,
       current_memory_request_bytes = EXCLUDED.current_memory_request_bytes, current_memory_limit_bytes = EXCLUDED.current_memory_limit_bytes,
       cpu_request_millis = EXCLUDED.cpu_request_millis, memory_request_bytes = EXCLUDED.memory_request_bytes,
       memory_limit_bytes = EXCLUDED.memory_limit_bytes, replicas = EXCLUDED.replicas, held = EXCLUDED.held, held_reason = EXCLUDED.held_reason,
       basis = EXCLUDED.basis, computed_at = EXCLUDED.computed_at`,
    [r.workloadId, r.container, r.basis.strategy, r.current.cpuRequestMillis, r.current.cpuLimitMillis, r.current.memoryRequestBytes, r.current.memoryLimitBytes,
      r.cpuRequestMillis, r.memoryRequestBytes, r.memoryLimitBytes, r.replicas, r.heldReason, JSON.stringify(r.basis), r.computedAt],
  );
}
