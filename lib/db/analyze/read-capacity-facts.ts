import { z } from "zod";
import { getPool } from "@/lib/db/pool.ts";
import type { PodRequest, UsageSlot } from "@/lib/domain/capacity-points.ts";

// The facts a capacity forecast is rebuilt from: nodes (current labels and allocatable; Uptrust keeps
// no history of either), pods bound to nodes with their containers' requests, and node usage.

export type NodeFact = {
  name: string;
  labels: Record<string, string>;
  ready: boolean;
  createdAt: number | null;
  deletedAt: number | null;
  allocatableCpuMillis: number;
  allocatableMemoryBytes: number;
};

// Labels arrive from the cluster as JSON; anything but string values is ignored rather than trusted.
const labelsSchema = z.record(z.string(), z.unknown()).catch({});
const stringLabels = (raw: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(labelsSchema.parse(raw)).filter((e): e is [string, string] => typeof e[1] === "string"));

/** Every node that existed at some point since `since`. */
export async function readCapacityNodes(clusterId: string, since: Date): Promise<NodeFact[]> {
  const { rows } = await getPool().query<{ name: string; labels: unknown; ready: boolean; created_at: Date | null; deleted_at: Date | null; cpu: number; memory: number }>(
    `SELECT name, labels, ready, created_at, deleted_at, allocatable_cpu_millis AS cpu, allocatable_memory_bytes AS memory
       FROM nodes WHERE cluster_id = $1 AND (deleted_at IS NULL OR deleted_at > $2) ORDER BY name`,
    [clusterId, since],
  );
  return rows.map((r) => ({
    name: r.name,
    labels: stringLabels(r.labels),
    ready: r.ready,
    createdAt: r.created_at?.getTime() ?? null,
    deletedAt: r.deleted_at?.getTime() ?? null,
    allocatableCpuMillis: r.cpu,
    allocatableMemoryBytes: Number(r.memory),
  }));
}

// A pod holds its requests on its node from when the kubelet started it (or, before that, from its
// creation) until it is deleted or, for a pod that finished (Succeeded/Failed), until the state Uptrust
// last saw (updated_at is that state's cluster time): the scheduler stops counting finished pods.
// Init containers are not stored, so a pod whose init container asks for more is counted low.
export async function readPodRequests(clusterId: string, from: Date, to: Date): Promise<PodRequest[]> {
  const { rows } = await getPool().query<{ node: string; from_ms: number; until_ms: number | null; cpu: number; memory: number }>(
    `SELECT p.node_name AS node,
            extract(epoch FROM coalesce(p.started_at, p.created_at))::float8 * 1000 AS from_ms,
            extract(epoch FROM e.ended)::float8 * 1000 AS until_ms,
            coalesce(sum(c.request_cpu_millis), 0)::float8 AS cpu,
            coalesce(sum(c.request_memory_bytes), 0)::float8 AS memory
       FROM pods p
       CROSS JOIN LATERAL (SELECT coalesce(p.deleted_at, CASE WHEN p.phase IN ('Succeeded', 'Failed') THEN p.updated_at END) AS ended) e
       LEFT JOIN containers c ON c.pod_id = p.id
      WHERE p.cluster_id = $1 AND p.node_name IS NOT NULL
        AND coalesce(p.started_at, p.created_at) < $3
        AND (e.ended IS NULL OR e.ended > $2)
      GROUP BY p.id, e.ended`,
    [clusterId, from, to],
  );
  return rows.map((r) => ({ node: r.node, from: r.from_ms, until: r.until_ms, cpuMillis: r.cpu, memoryBytes: r.memory }));
}

// Per pool and 5-minute slot: the sum over its nodes of each node's mean usage in the slot. The pool of
// each node is decided in lib/domain and passed in, so SQL only adds up.
export async function readPoolUsageSlots(clusterId: string, pools: readonly { node: string; pool: string }[], from: Date, to: Date): Promise<UsageSlot[]> {
  if (pools.length === 0) return [];
  const { rows } = await getPool().query<{ pool: string; slot: number; cpu: number; memory: number }>(
    `WITH pool_of AS (SELECT * FROM unnest($2::text[], $3::text[]) AS m(node, pool)),
          per_node AS (
            SELECT m.pool, floor(extract(epoch FROM u.ts) / 300)::bigint AS slot, avg(u.cpu_millis) AS cpu, avg(u.memory_bytes) AS memory
              FROM node_usage u JOIN pool_of m ON m.node = u.node
             WHERE u.cluster_id = $1 AND u.ts >= $4 AND u.ts < $5
             GROUP BY m.pool, slot, u.node)
     SELECT pool, slot * 300000 AS slot, sum(cpu)::float8 AS cpu, sum(memory)::float8 AS memory FROM per_node GROUP BY pool, slot`,
    [clusterId, pools.map((p) => p.node), pools.map((p) => p.pool), from, to],
  );
  return rows.map((r) => ({ pool: r.pool, slot: Number(r.slot), cpuMillis: r.cpu, memoryBytes: r.memory }));
}

// Pods that ended before Uptrust watched were never seen, so hours before then would read falsely low
// and draw a growth that never happened. History starts at the first node usage sample (usage is only
// sampled while watching) or, without any, when the cluster was registered.
export async function getObservedSince(clusterId: string): Promise<Date | null> {
  const { rows } = await getPool().query<{ since: Date | null }>(
    `SELECT coalesce((SELECT min(ts) FROM node_usage WHERE cluster_id = $1), (SELECT created_at FROM clusters WHERE id = $1)) AS since`,
    [clusterId],
  );
  return rows[0]?.since ?? null;
}
