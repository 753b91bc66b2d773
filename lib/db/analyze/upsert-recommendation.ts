import { getPool } from "@/lib/db/pool.ts";
import type { KrrBasis } from "@/lib/domain/rightsizing.ts";
import type { HpaBasis } from "@/lib/domain/rightsizing-hpa.ts";
import type { Throttling, UsageSource } from "@/lib/domain/usage-source.ts";
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
  usageSource: UsageSource;
  usageSourceNote: string | null;
  throttling: Throttling | null;
};

// Recommendations, one per workload container and strategy, refreshed in place: all of a cycle's in one
// statement (one JSON array of rows).
export async function upsertRecommendations(rows: readonly RecommendationRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = rows.map((r) => ({
    workload_id: r.workloadId, container: r.container, strategy: r.basis.strategy,
    current_cpu_request_millis: r.current.cpuRequestMillis, current_cpu_limit_millis: r.current.cpuLimitMillis,
    current_memory_request_bytes: r.current.memoryRequestBytes, current_memory_limit_bytes: r.current.memoryLimitBytes,
    cpu_request_millis: r.cpuRequestMillis, memory_request_bytes: r.memoryRequestBytes, memory_limit_bytes: r.memoryLimitBytes,
    replicas: r.replicas, held_reason: r.heldReason, basis: r.basis, computed_at: r.computedAt,
    usage_source: r.usageSource, usage_source_note: r.usageSourceNote, cpu_throttled_p95: r.throttling?.p95 ?? null, cpu_throttled_max: r.throttling?.max ?? null,
  }));
  await getPool().query(
    `INSERT INTO recommendations (workload_id, container, strategy, current_cpu_request_millis, current_cpu_limit_millis, current_memory_request_bytes,
       current_memory_limit_bytes, cpu_request_millis, memory_request_bytes, memory_limit_bytes, replicas, held, held_reason, basis, computed_at,
       usage_source, usage_source_note, cpu_throttled_p95, cpu_throttled_max)
     SELECT workload_id, container, strategy, current_cpu_request_millis, current_cpu_limit_millis, current_memory_request_bytes,
            current_memory_limit_bytes, cpu_request_millis, memory_request_bytes, memory_limit_bytes, replicas, held_reason IS NOT NULL, held_reason, basis, computed_at,
            usage_source, usage_source_note, cpu_throttled_p95, cpu_throttled_max
       FROM jsonb_to_recordset($1::jsonb) AS r(workload_id uuid, container text, strategy text, current_cpu_request_millis int, current_cpu_limit_millis int,
            current_memory_request_bytes bigint, current_memory_limit_bytes bigint, cpu_request_millis int, memory_request_bytes bigint, memory_limit_bytes bigint,
            replicas int, held_reason text, basis jsonb, computed_at timestamptz, usage_source text, usage_source_note text,
            cpu_throttled_p95 float8, cpu_throttled_max float8)
     ON CONFLICT (workload_id, container, strategy) DO UPDATE SET
       current_cpu_request_millis = EXCLUDED.current_cpu_request_millis, current_cpu_limit_millis = EXCLUDED.current_cpu_limit_millis,
       current_memory_request_bytes = EXCLUDED.current_memory_request_bytes, current_memory_limit_bytes = EXCLUDED.current_memory_limit_bytes,
       cpu_request_millis = EXCLUDED.cpu_request_millis, memory_request_bytes = EXCLUDED.memory_request_bytes,
       memory_limit_bytes = EXCLUDED.memory_limit_bytes, replicas = EXCLUDED.replicas, held = EXCLUDED.held, held_reason = EXCLUDED.held_reason,
       basis = EXCLUDED.basis, computed_at = EXCLUDED.computed_at, usage_source = EXCLUDED.usage_source,
       usage_source_note = EXCLUDED.usage_source_note, cpu_throttled_p95 = EXCLUDED.cpu_throttled_p95, cpu_throttled_max = EXCLUDED.cpu_throttled_max`,
    [JSON.stringify(json)],
  );
}
