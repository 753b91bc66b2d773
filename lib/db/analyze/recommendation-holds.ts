import { getPool } from "@/lib/db/pool.ts";
import type { ResourceValues, Suggested } from "@/lib/domain/rightsizing-hold.ts";

// Holds change with the SLOs, every cycle, while the recommendations themselves are recomputed only
// every few minutes: these read and flip a hold without touching the stored numbers.

export type StoredSuggestion = { id: string; workloadId: string; current: ResourceValues; suggested: Suggested; heldReason: string | null };

export async function listStoredSuggestions(clusterId: string): Promise<StoredSuggestion[]> {
  const { rows } = await getPool().query<{
    id: string; workloadId: string; heldReason: string | null;
    curCpu: number | null; curMem: number | null; curMemLimit: number | null; cpu: number; mem: number; memLimit: number;
  }>(
    `SELECT r.id, r.workload_id AS "workloadId", r.held_reason AS "heldReason",
            r.current_cpu_request_millis AS "curCpu", r.current_memory_request_bytes AS "curMem", r.current_memory_limit_bytes AS "curMemLimit",
            r.cpu_request_millis AS cpu, r.memory_request_bytes AS mem, r.memory_limit_bytes AS "memLimit"
       FROM recommendations r JOIN workloads w ON w.id = r.workload_id WHERE w.cluster_id = $1`,
    [clusterId],
  );
  return rows.map((r) => ({
    id: r.id,
    workloadId: r.workloadId,
    heldReason: r.heldReason,
    current: { cpuRequestMillis: r.curCpu, memoryRequestBytes: r.curMem, memoryLimitBytes: r.curMemLimit },
    suggested: { cpuRequestMillis: r.cpu, memoryRequestBytes: r.mem, memoryLimitBytes: r.memLimit },
  }));
}

// Every hold that changed, in one statement.
export async function setRecommendationHolds(holds: readonly { id: string; heldReason: string | null }[]): Promise<void> {
  if (holds.length === 0) return;
  await getPool().query(
    `UPDATE recommendations r SET held = h.reason IS NOT NULL, held_reason = h.reason FROM unnest($1::uuid[], $2::text[]) AS h(id, reason) WHERE r.id = h.id`,
    [holds.map((h) => h.id), holds.map((h) => h.heldReason)],
  );
}
