import { getPool } from "@/lib/db/pool.ts";
import { LOOKUP_FAILURE_PATTERN } from "@/lib/domain/lookup-failures.ts";
import type { CauseEvent, CauseLog, ContainerLimits, ContainerUsage, Neighbour, NodeLoad } from "@/lib/domain/causes/types.ts";

type Workload = { id: string; kind: string; namespace: string; name: string };

export type CauseFacts = {
  nodeEvents: CauseEvent[];
  lookupFailures: CauseLog[];
  resolver: string | null;
  resolverErrors: CauseLog[];
  limits: ContainerLimits[];
  usage: ContainerUsage[];
  nodes: NodeLoad[];
  neighbours: Neighbour[];
};

// CoreDNS: the errors plugin, and answers that failed the client.
const RESOLVER_ERROR = "SERVFAIL|REFUSED|\\[ERROR\\]";
const MAX_LINES = 200;
const BEFORE_MS = 30 * 60_000;

const ev = (r: { reason: string; message: string; involved_kind: string; involved_name: string; count: number; first_seen: Date; last_seen: Date }): CauseEvent => ({
  reason: r.reason, message: r.message, involvedKind: r.involved_kind, involvedName: r.involved_name, count: r.count, firstSeen: r.first_seen.getTime(), lastSeen: r.last_seen.getTime(),
});

// What probable-cause analysis needs beyond the timeline's facts, for one workload over [from, to]:
// its pods' nodes and their load, the neighbours sharing them, its peak usage and limits, failed name
// lookups in its log and the cluster resolver's errors meanwhile.
export async function readCauseFacts(clusterId: string, w: Workload, from: Date, to: Date): Promise<CauseFacts> {
  const pool = getPool();
  const pods = (
    await pool.query<{ name: string; node: string | null }>(
      `SELECT name, node_name AS node FROM pods WHERE cluster_id = $1 AND namespace = $2 AND workload_kind::text = $3 AND workload_name = $4
          AND coalesce(created_at, $5) <= $5 AND (deleted_at IS NULL OR deleted_at >= $6)`,
      [clusterId, w.namespace, w.kind, w.name, to, new Date(from.getTime() - 10 * 60_000)],
    )
  ).rows;
  const podNames = pods.map((p) => p.name);
  const nodeNames = [...new Set(pods.map((p) => p.node).filter((n): n is string => n !== null))];

  const nodeEvents = await pool.query(
    `SELECT reason, message, involved_kind, involved_name, count, first_seen, last_seen FROM k8s_events
      WHERE cluster_id = $1 AND involved_kind = 'Node' AND involved_name = ANY($2::text[]) AND last_seen >= $3 AND first_seen <= $4
      ORDER BY first_seen LIMIT 100`,
    [clusterId, nodeNames, new Date(from.getTime() - 10 * 60_000), to],
  );

  const lookups = await pool.query<{ pod: string; ts: Date; message: string }>(
    `SELECT pod, ts, message FROM log_lines WHERE cluster_id = $1 AND namespace = $2 AND pod = ANY($3::text[]) AND ts >= $4 AND ts <= $5 AND message ~* $6
      ORDER BY ts LIMIT $7`,
    [clusterId, w.namespace, podNames, new Date(from.getTime() - 5 * 60_000), to, LOOKUP_FAILURE_PATTERN, MAX_LINES],
  );

  const resolver = (
    await pool.query<{ namespace: string; name: string; kind: string }>(
      `SELECT namespace, name, kind::text AS kind FROM workloads WHERE cluster_id = $1 AND namespace = 'kube-system' AND deleted_at IS NULL
          AND (name IN ('coredns', 'kube-dns') OR spec_facts->'labels'->>'k8s-app' = 'kube-dns') ORDER BY name LIMIT 1`,
      [clusterId],
    )
  ).rows[0];
  const resolverErrors = resolver
    ? await pool.query<{ pod: string; ts: Date; message: string }>(
        `SELECT l.pod, l.ts, l.message FROM log_lines l JOIN pods p ON p.cluster_id = l.cluster_id AND p.namespace = l.namespace AND p.name = l.pod
          WHERE l.cluster_id = $1 AND l.namespace = $2 AND p.workload_name = $3 AND l.ts >= $4 AND l.ts <= $5 AND l.message ~ $6
          ORDER BY l.ts LIMIT $7`,
        [clusterId, resolver.namespace, resolver.name, new Date(from.getTime() - 5 * 60_000), to, RESOLVER_ERROR, MAX_LINES],
      )
    : { rows: [] };

  const limits = await pool.query<{ name: string; cpu: number | null; memory: string | null }>(
    `SELECT DISTINCT ON (c.name) c.name, c.limit_cpu_millis AS cpu, c.limit_memory_bytes AS memory FROM containers c JOIN pods p ON p.id = c.pod_id
      WHERE p.cluster_id = $1 AND p.namespace = $2 AND p.name = ANY($3::text[]) ORDER BY c.name, p.created_at DESC NULLS LAST`,
    [clusterId, w.namespace, podNames],
  );

  const usage = await pool.query<{ container: string; cpu: number; memory: string }>(
    `SELECT container, max(cpu_millis) AS cpu, max(memory_bytes) AS memory FROM usage_samples
      WHERE cluster_id = $1 AND namespace = $2 AND workload_name = $3 AND ts >= $4 AND ts <= $5 GROUP BY container`,
    [clusterId, w.namespace, w.name, from, to],
  );

  const nodes = await pool.query<{ name: string; allocatable: number; cpu: number | null }>(
    `SELECT n.name, n.allocatable_cpu_millis AS allocatable,
            (SELECT max(u.cpu_millis) FROM node_usage u WHERE u.cluster_id = n.cluster_id AND u.node = n.name AND u.ts >= $3 AND u.ts <= $4) AS cpu
       FROM nodes n WHERE n.cluster_id = $1 AND n.name = ANY($2::text[])`,
    [clusterId, nodeNames, from, to],
  );

  // Other workloads' pods on those nodes: their peak CPU during the incident and before it, and whether
  // their containers set a CPU request and limit at all. Each pod's samples are summed up where they
  // lie (a pod's samples times its containers would be sorted otherwise).
  const neighbours = await pool.query<{ node: string; workload: string; during: number | null; before: number | null; has_request: boolean; has_limit: boolean }>(
    `WITH near AS (
       SELECT p.id, p.namespace, p.name, p.node_name, coalesce(p.workload_name, p.name) AS workload FROM pods p
        WHERE p.cluster_id = $1 AND p.node_name = ANY($2::text[]) AND NOT (p.namespace = $3 AND p.workload_name IS NOT DISTINCT FROM $4)
          AND coalesce(p.created_at, $6) <= $6 AND (p.deleted_at IS NULL OR p.deleted_at >= $5))
     SELECT n.node_name AS node, n.namespace || '/' || n.workload AS workload, max(u.during) AS during, max(u.before) AS before,
            coalesce(bool_or(k.has_request), false) AS has_request, coalesce(bool_or(k.has_limit), false) AS has_limit
       FROM near n
       CROSS JOIN LATERAL (SELECT max(cpu_millis) FILTER (WHERE ts >= $5) AS during, max(cpu_millis) FILTER (WHERE ts < $5) AS before FROM usage_samples u
                            WHERE u.cluster_id = $1 AND u.namespace = n.namespace AND u.pod = n.name AND u.ts >= $7 AND u.ts <= $6) u
       CROSS JOIN LATERAL (SELECT bool_or(c.request_cpu_millis IS NOT NULL) AS has_request, bool_or(c.limit_cpu_millis IS NOT NULL) AS has_limit
                             FROM containers c WHERE c.pod_id = n.id) k
      GROUP BY n.node_name, n.namespace, n.workload`,
    [clusterId, nodeNames, w.namespace, w.name, from, to, new Date(from.getTime() - BEFORE_MS)],
  );

  return {
    nodeEvents: nodeEvents.rows.map(ev),
    lookupFailures: lookups.rows.map((l) => ({ pod: l.pod, ts: l.ts.getTime(), message: l.message })),
    resolver: resolver ? `${resolver.namespace}/${resolver.name}` : null,
    resolverErrors: resolverErrors.rows.map((l) => ({ pod: l.pod, ts: l.ts.getTime(), message: l.message })),
    limits: limits.rows.map((l) => ({ name: l.name, cpuLimitMillis: l.cpu, memoryLimitBytes: l.memory === null ? null : Number(l.memory) })),
    usage: usage.rows.map((u) => ({ container: u.container, cpuMaxMillis: Number(u.cpu), memoryMaxBytes: Number(u.memory) })),
    nodes: nodes.rows.map((n) => ({ name: n.name, allocatableCpuMillis: n.allocatable, cpuMaxMillis: n.cpu === null ? null : Number(n.cpu) })),
    neighbours: neighbours.rows
      .filter((n) => n.during !== null)
      .map((n) => ({ node: n.node, workload: n.workload, cpuMaxMillis: Number(n.during), cpuBeforeMillis: Number(n.before ?? 0), hasCpuRequest: n.has_request, hasCpuLimit: n.has_limit })),
  };
}
