import { getPool } from "@/lib/db/pool.ts";
import type { TimedCounts } from "@/lib/domain/burn-rate.ts";
import type { WorkloadRef } from "@/lib/domain/incident-signals.ts";

export type SloFacts = { workload: WorkloadRef; slo: string; indicator: "success" | "latency" | "availability"; target: number; windowDays: number; samples: TimedCounts[] };

// The per-minute samples of a cluster's SLOs (availability, success, latency, and PromQL ones) in
// [from, to): what a page alert would have seen at each minute. Availability SLOs are read too: a
// replica lost for two minutes pages a 99.9 % SLO before the missing replicas alone make an incident.
// An SLO whose hours in the range hold no failed event cannot page, so only the SLOs that failed some
// event ship their minutes, read one SLO's index range at a time.
export async function readSloHistory(clusterId: string, from: Date, to: Date): Promise<SloFacts[]> {
  const pool = getPool();
  const { rows: slos } = await pool.query<{ id: string; kind: string; namespace: string; workload: string; slo: string; indicator: string; target: number; window_days: number }>(
    `SELECT s.id, w.kind::text AS kind, w.namespace, w.name AS workload, s.name AS slo, s.indicator, s.target, s.window_days
       FROM slos s JOIN workloads w ON w.id = s.workload_id
      WHERE w.cluster_id = $1 AND s.indicator IN ('availability', 'success', 'latency', 'promql')
        AND EXISTS (SELECT 1 FROM sli_hours h WHERE h.slo_id = s.id AND h.hour >= date_trunc('hour', $2::timestamptz) AND h.hour < $3 AND h.good < h.total)
      ORDER BY s.id`,
    [clusterId, from, to],
  );
  const facts: SloFacts[] = slos.map((r) => ({
    workload: { kind: r.kind, namespace: r.namespace, name: r.workload },
    slo: r.slo,
    indicator: r.indicator === "latency" || r.indicator === "availability" ? r.indicator : "success",
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
