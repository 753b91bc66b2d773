import { getPool } from "@/lib/db/pool.ts";
import type { TimedCounts } from "@/lib/domain/burn-rate.ts";
import type { WorkloadRef } from "@/lib/domain/incident-signals.ts";

export type RequestSloFacts = { workload: WorkloadRef; slo: string; indicator: "success" | "latency"; target: number; windowDays: number; samples: TimedCounts[] };

// The per-minute samples of a cluster's request SLOs (success, latency, and PromQL ones) in [from, to):
// what a page alert would have seen at each minute. Availability SLOs are left out: missing replicas
// are already a signal of their own. An SLO whose hours in the range hold no failed event cannot page,
// so only the SLOs that failed some request ship their minutes, read one SLO's index range at a time.
export async function readRequestSloHistory(clusterId: string, from: Date, to: Date): Promise<RequestSloFacts[]> {
  const pool = getPool();
  const { rows: slos } = await pool.query<{ id: string; kind: string; namespace: string; workload: string; slo: string; indicator: string; target: number; window_days: number }>(
    `SELECT s.id, w.kind::text AS kind, w.namespace, w.name AS workload, s.name AS slo, s.indicator, s.target, s.window_days
       FROM slos s JOIN workloads w ON w.id = s.workload_id
      WHERE w.cluster_id = $1 AND s.indicator IN ('success', 'latency', 'promql')
        AND EXISTS (SELECT 1 FROM sli_hours h WHERE h.slo_id = s.id AND h.hour >= date_trunc('hour', $2::timestamptz) AND h.hour < $3 AND h.good < h.total)
      ORDER BY s.id`,
    [clusterId, from, to],
  );
  const facts: RequestSloFacts[] = slos.map((r) => ({
    workload: { kind: r.kind, namespace: r.namespace, name: r.workload },
    slo: r.slo,
    indicator: r.indicator === "latency" ? "latency" : "success",
    target: r.target,
    windowDays: r.window_days,
    samples: [],
  }));
  if (slos.length === 0) return facts;
  const { rows } = await pool.query<{ i: string; ts: Date; good: number; total: number }>(
    `SELECT r.i, x.ts, x.good, x.total FROM unnest($1::uuid[]) WITH ORDINALITY AS r(slo_id, i)
       CROSS JOIN LATERAL (SELECT ts, good, total FROM sli_samples x WHERE x.slo_id = r.slo_id AND x.ts >= $2 AND x.ts < $3 AND x.total > 0 ORDER BY ts OFFSET 0) x`,
    [slos.map((s) => s.id), from, to],
  );
  for (const r of rows) facts[Number(r.i) - 1].samples.push({ ts: r.ts.getTime(), good: r.good, total: r.total });
  for (const f of facts) f.samples.sort((a, b) => a.ts - b.ts);
  return facts;
}
