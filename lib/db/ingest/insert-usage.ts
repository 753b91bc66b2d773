import type pg from "pg";
import type { WorkloadKind } from "@/lib/k8s/pod-workload.ts";

export type UsageRow = {
  namespace: string;
  pod: string;
  container: string;
  workloadKind: WorkloadKind | null;
  workloadName: string | null;
  ts: Date;
  cpuMillis: number;
  memoryBytes: number;
};

export type NodeUsageRow = { node: string; ts: Date; cpuMillis: number; memoryBytes: number };

export async function insertNodeUsage(db: pg.Pool, clusterId: string, rows: NodeUsageRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.query(
    `INSERT INTO node_usage (cluster_id, node, ts, cpu_millis, memory_bytes)
     SELECT $1, * FROM unnest($2::text[], $3::timestamptz[], $4::float8[], $5::bigint[])
     ON CONFLICT DO NOTHING`,
    [clusterId, rows.map((r) => r.node), rows.map((r) => r.ts), rows.map((r) => r.cpuMillis), rows.map((r) => r.memoryBytes)],
  );
  return result.rowCount ?? 0;
}

// metrics-server answers with the same sample until its next scrape: the sample's own timestamp is
// the key, so polling faster than the scrape interval stores each sample once.
export async function insertUsage(db: pg.Pool, clusterId: string, rows: UsageRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof UsageRow>(k: K) => rows.map((r) => r[k]);
  const result = await db.query(
    `INSERT INTO usage_samples (cluster_id, namespace, pod, container, workload_kind, workload_name, ts, cpu_millis, memory_bytes)
     SELECT $1, ns, p, c, wk::"WorkloadKind", wn, ts, cpu, mem
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::float8[], $9::bigint[])
            AS t(ns, p, c, wk, wn, ts, cpu, mem)
     ON CONFLICT DO NOTHING`,
    [clusterId, col("namespace"), col("pod"), col("container"), col("workloadKind"), col("workloadName"), col("ts"), col("cpuMillis"), col("memoryBytes")],
  );
  return result.rowCount ?? 0;
}
