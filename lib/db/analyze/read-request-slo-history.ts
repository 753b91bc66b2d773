import { getPool } from "@/lib/db/pool.ts";
import type { TimedCounts } from "@/lib/domain/burn-rate.ts";
import type { WorkloadRef } from "@/lib/domain/incident-signals.ts";

export type RequestSloFacts = { workload: WorkloadRef; slo: string; indicator: "success" | "latency"; target: number; windowDays: number; samples: TimedCounts[] };

// The per-minute samples of every request SLO (success, latency, and PromQL ones) of a cluster in [from, to): what a
// page alert would have seen at each minute. Availability SLOs are left out: missing replicas are
// already a signal of their own.
export async function readRequestSloHistory(clusterId: string, from: Date, to: Date): Promise<RequestSloFacts[]> {
  const { rows } = await getPool().query<{ id: string; kind: string; namespace: string; workload: string; slo: string; indicator: string; target: number; window_days: number; ts: Date | null; good: number | null; total: number | null }>(
    `SELECT s.id, w.kind::text AS kind, w.namespace, w.name AS workload, s.name AS slo, s.indicator, s.target, s.window_days, x.ts, x.good, x.total
       FROM slos s JOIN workloads w ON w.id = s.workload_id
       LEFT JOIN sli_samples x ON x.slo_id = s.id AND x.ts >= $2 AND x.ts < $3 AND x.total > 0
      WHERE w.cluster_id = $1 AND s.indicator IN ('success', 'latency', 'promql')
      ORDER BY s.id, x.ts`,
    [clusterId, from, to],
  );
  const bySlo = new Map<string, RequestSloFacts>();
  for (const r of rows) {
    let slo = bySlo.get(r.id);
    if (!slo) {
      slo = { workload: { kind: r.kind, namespace: r.namespace, name: r.workload }, slo: r.slo, indicator: r.indicator === "latency" ? "latency" : "success", target: r.target, windowDays: r.window_days, samples: [] };
      bySlo.set(r.id, slo);
    }
    if (r.ts) slo.samples.push({ ts: r.ts.getTime(), good: r.good ?? 0, total: r.total ?? 0 });
  }
  return [...bySlo.values()];
}
