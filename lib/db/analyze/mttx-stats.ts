import type { MttxIncident, MttxStat } from "@/lib/domain/mttx.ts";
import { getPool } from "@/lib/db/pool.ts";
import { withTransaction } from "@/lib/db/with-transaction.ts";
import { scopeWhere } from "@/lib/db/queries/scope-sql.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import type { Scope } from "@/lib/views/scope.ts";

type Row = { started_at: Date; detected_at: Date; acknowledged_at: Date | null; resolved_at: Date | null; severity: string; service: string | null };

// Cancelled incidents were never outages, so they count towards none of the times. The cockpit reads
// the incidents of its scope (lib/db/queries/get-mttx-in-scope.ts); the analyzer, all of them.
export async function readMttxIncidents(scope: Scope = EVERYTHING): Promise<MttxIncident[]> {
  const params: unknown[] = [];
  const where = scopeWhere(scope, { cluster: "c.name", namespace: "w.namespace", name: "w.name" }, params);
  const { rows } = await getPool().query<Row>(
    `SELECT i.started_at, i.detected_at, i.acknowledged_at, i.resolved_at, i.severity, w.namespace || '/' || w.name AS service
       FROM incidents i JOIN clusters c ON c.id = i.cluster_id LEFT JOIN workloads w ON w.id = i.workload_id
      WHERE i.status <> 'cancelled' AND ${where}`,
    params,
  );
  return rows.map((r) => ({
    startedAt: r.started_at.getTime(),
    detectedAt: r.detected_at.getTime(),
    acknowledgedAt: r.acknowledged_at?.getTime() ?? null,
    resolvedAt: r.resolved_at?.getTime() ?? null,
    severity: r.severity,
    service: r.service,
  }));
}

// Recomputed in full each run (a few hundred rows at most), so groups that emptied disappear.
export async function replaceMttxStats(stats: readonly MttxStat[], computedAt: Date): Promise<void> {
  const col = <K extends keyof MttxStat>(k: K) => stats.map((s) => s[k]);
  await withTransaction(async (client) => {
    await client.query(`DELETE FROM mttx_stats`);
    await client.query(
      `INSERT INTO mttx_stats (metric, grouping, group_key, incidents, mean_seconds, p50_seconds, p90_seconds, computed_at)
       SELECT *, $8 FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::float8[], $6::float8[], $7::float8[])`,
      [col("metric"), col("grouping"), col("groupKey"), col("incidents"), col("meanSeconds"), col("p50Seconds"), col("p90Seconds"), computedAt],
    );
  });
}
