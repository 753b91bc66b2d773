import { getPool } from "@/lib/db/pool.ts";

export type RelatedIncident = { id: string; title: string; workload: string | null; startedAt: string; cause: string };

const NEAR_MS = 30 * 60_000;
// Causes one event can give many workloads at once. A DNS cause names the workload that failed its
// lookups, so any two DNS incidents near in time share it; the others must read the same.
const SHARED = ["NodeNotReady", "DNS", "NoisyNeighbour", "ConfigMapChange"];

// Incidents of other workloads whose most likely cause is the same (one lost node, one DNS outage, one
// ConfigMap two services read) and that began within half an hour: one event seen from several
// workloads, shown together so responders work it once.
export async function getRelatedIncidents(id: string): Promise<RelatedIncident[]> {
  const { rows } = await getPool().query<{ id: string; title: string; workload: string | null; started_at: Date; cause: string }>(
    `SELECT o.id, o.title, w.namespace || '/' || w.name AS workload, o.started_at, o.causes->0->>'title' AS cause
       FROM incidents i JOIN incidents o ON o.cluster_id = i.cluster_id AND o.id <> i.id
       LEFT JOIN workloads w ON w.id = o.workload_id
      WHERE i.id = $1 AND jsonb_array_length(i.causes) > 0 AND o.causes->0->>'kind' = i.causes->0->>'kind'
        AND i.causes->0->>'kind' = ANY($3::text[])
        AND (i.causes->0->>'kind' = 'DNS' OR o.causes->0->>'title' = i.causes->0->>'title')
        AND o.started_at BETWEEN i.started_at - $2 * interval '1 millisecond' AND i.started_at + $2 * interval '1 millisecond'
      ORDER BY o.started_at LIMIT 50`,
    [id, NEAR_MS, SHARED],
  );
  return rows.map((r) => ({ id: r.id, title: r.title, workload: r.workload, startedAt: r.started_at.toISOString(), cause: r.cause }));
}
