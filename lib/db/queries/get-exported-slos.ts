import { getPool } from "@/lib/db/pool.ts";
import type { ExportedSlo } from "@/lib/domain/slo-rules.ts";
import { parsePromQuery } from "@/lib/prometheus/prom-query.ts";

type Row = Omit<ExportedSlo, "query" | "indicator" | "budgeting" | "calendar"> & { indicator: string; budgeting: string; calendar: string | null; query: unknown };

const INDICATORS = new Set<string>(["availability", "success", "latency", "promql"]);
const BUDGETING = new Set<string>(["occurrences", "timeslices", "ratio-timeslices"]);

// SLOs as their rules are exported: every one of live workloads (of one cluster, if named), or the one asked.
export async function getExportedSlos(filter: { id?: string; cluster?: string } = {}): Promise<ExportedSlo[]> {
  const { rows } = await getPool().query<Row>(
    `SELECT s.id, c.name AS cluster, w.namespace, w.name AS workload, s.name, s.indicator, s.target, s.window_days AS "windowDays",
            s.calendar, s.budgeting, s.timeslice_target AS "timesliceTarget", s.sli_query AS query
       FROM slos s JOIN workloads w ON w.id = s.workload_id JOIN clusters c ON c.id = w.cluster_id
      WHERE w.deleted_at IS NULL AND ($1::uuid IS NULL OR s.id = $1) AND ($2::text IS NULL OR c.name = $2)
      ORDER BY c.name, w.namespace, w.name, s.name`,
    [filter.id ?? null, filter.cluster ?? null],
  );
  return rows.map((r) => ({
    ...r,
    indicator: INDICATORS.has(r.indicator) ? (r.indicator as ExportedSlo["indicator"]) : "availability",
    budgeting: BUDGETING.has(r.budgeting) ? (r.budgeting as ExportedSlo["budgeting"]) : "occurrences",
    calendar: r.calendar === "month" || r.calendar === "week" ? r.calendar : null,
    query: r.indicator === "promql" ? parsePromQuery(r.query) : null,
  }));
}
