import { getPool } from "@/lib/db/pool.ts";
import type { TimelineLog } from "@/lib/domain/incident-timeline.ts";
import type { WorkloadRef } from "@/lib/domain/incident-signals.ts";
import type { AxisWindow } from "@/lib/domain/service-window.ts";

const MAX_LINES = 5000;

// Every stored log line of the workload's pods (gone ones included) in cluster time [from, to], oldest
// first. Ingest redacted secrets before storing them (workers/ingest/log-follower.ts).
export async function getServiceLogs(clusterId: string, workload: WorkloadRef, w: AxisWindow): Promise<TimelineLog[]> {
  const { rows } = await getPool().query<{ pod: string; container: string; ts: Date; seq: number; level: string | null; message: string }>(
    `SELECT l.pod, l.container, l.ts, l.seq, l.level, l.message
       FROM log_lines l
      WHERE l.cluster_id = $1 AND l.namespace = $2 AND l.ts >= $5 AND l.ts <= $6
        AND l.pod IN (SELECT name FROM pods WHERE cluster_id = $1 AND namespace = $2 AND workload_kind::text = $3 AND workload_name = $4)
      ORDER BY l.ts, l.seq LIMIT ${MAX_LINES}`,
    [clusterId, workload.namespace, workload.kind, workload.name, new Date(w.from), new Date(w.to)],
  );
  return rows.map((l) => ({ pod: l.pod, container: l.container, ts: l.ts.getTime(), seq: l.seq, level: l.level, message: l.message }));
}
