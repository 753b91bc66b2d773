import type pg from "pg";
import type { PodRow } from "@/lib/k8s/map-pod.ts";

// Pods and their containers in two bulk statements: a relist of thousands of pods costs two round
// trips, not thousands. Containers hang off the pod row id returned by the first statement.

export async function upsertPods(db: pg.Pool, clusterId: string, pods: PodRow[]): Promise<void> {
  if (pods.length === 0) return;
  const { rows } = await db.query<{ id: string; uid: string }>(
    `INSERT INTO pods (cluster_id, uid, namespace, name, workload_kind, workload_name, node_name, phase, reason, ready,
                       restart_count, started_at, created_at, updated_at, deleted_at)
     SELECT $1, u, ns, n, wk::"WorkloadKind", wn, nn, ph, rs, rd, rc, st, c, o, NULL
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::bool[], $11::int[], $12::timestamptz[], $13::timestamptz[], $14::timestamptz[])
            AS t(u, ns, n, wk, wn, nn, ph, rs, rd, rc, st, c, o)
     ON CONFLICT (cluster_id, uid) DO UPDATE SET namespace = EXCLUDED.namespace, name = EXCLUDED.name,
       workload_kind = EXCLUDED.workload_kind, workload_name = EXCLUDED.workload_name, node_name = EXCLUDED.node_name,
       phase = EXCLUDED.phase, reason = EXCLUDED.reason, ready = EXCLUDED.ready, restart_count = EXCLUDED.restart_count,
       started_at = EXCLUDED.started_at, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, deleted_at = NULL
     RETURNING id, uid`,
    [
      clusterId,
      pods.map((p) => p.uid),
      pods.map((p) => p.namespace),
      pods.map((p) => p.name),
      pods.map((p) => p.workload?.kind ?? null),
      pods.map((p) => p.workload?.name ?? null),
      pods.map((p) => p.nodeName),
      pods.map((p) => p.phase),
      pods.map((p) => p.reason),
      pods.map((p) => p.ready),
      pods.map((p) => p.restartCount),
      pods.map((p) => p.startedAt),
      pods.map((p) => p.createdAt),
      pods.map((p) => p.observedAt),
    ],
  );
  const podIds = new Map(rows.map((r) => [r.uid, r.id]));
  const containers = pods.flatMap((p) => p.containers.map((c) => ({ podId: podIds.get(p.uid), ...c }))).filter((c) => c.podId);
  if (containers.length === 0) return;
  const col = <K extends keyof (typeof containers)[number]>(k: K) => containers.map((c) => c[k]);
  await db.query(
    `INSERT INTO containers (pod_id, name, image, request_cpu_millis, request_memory_bytes, limit_cpu_millis, limit_memory_bytes,
                             ready, restart_count, state, state_reason, last_termination_reason, last_terminated_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::int[], $7::bigint[], $8::bool[],
                          $9::int[], $10::text[], $11::text[], $12::text[], $13::timestamptz[])
     ON CONFLICT (pod_id, name) DO UPDATE SET image = EXCLUDED.image, request_cpu_millis = EXCLUDED.request_cpu_millis,
       request_memory_bytes = EXCLUDED.request_memory_bytes, limit_cpu_millis = EXCLUDED.limit_cpu_millis,
       limit_memory_bytes = EXCLUDED.limit_memory_bytes, ready = EXCLUDED.ready, restart_count = EXCLUDED.restart_count,
       state = EXCLUDED.state, state_reason = EXCLUDED.state_reason,
       last_termination_reason = COALESCE(EXCLUDED.last_termination_reason, containers.last_termination_reason),
       last_terminated_at = COALESCE(EXCLUDED.last_terminated_at, containers.last_terminated_at)`,
    [
      col("podId"),
      col("name"),
      col("image"),
      col("requestCpuMillis"),
      col("requestMemoryBytes"),
      col("limitCpuMillis"),
      col("limitMemoryBytes"),
      col("ready"),
      col("restartCount"),
      col("state"),
      col("stateReason"),
      col("lastTerminationReason"),
      col("lastTerminatedAt"),
    ],
  );
}
