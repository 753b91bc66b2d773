import { getPool } from "@/lib/db/pool.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { IncidentSummary } from "@/lib/views/incident.ts";
import { toCauseItems } from "./map-causes.ts";
import { ACTIVE_STATUSES, durationSeconds, iso, isActiveStatus, isoOrNull } from "./map-rows.ts";
import { toTimelineItem } from "@/lib/domain/timeline-entry.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import { scopeWhere } from "./scope-sql.ts";

const RECENT_DAYS = 7;
const COMPACT_TIMELINE = 8;
const MAX_RECENT = 30;

export const incidentInclude = {
  cluster: { select: { name: true } },
  workload: { select: { namespace: true, name: true, kind: true } },
  _count: { select: { timeline: true } },
} as const;

type IncidentRow = {
  id: string; title: string; reason: string; severity: string; status: string;
  startedAt: Date; detectedAt: Date; resolvedAt: Date | null; causes: unknown; occurrences: number; lastOccurrenceAt: Date | null;
  cluster: { name: string };
  workload: { namespace: string; name: string; kind: string } | null;
  _count: { timeline: number };
  timeline: { id: string; ts: Date; kind: string; title: string; detail: unknown }[];
};

export function toIncidentSummary(row: IncidentRow, asOf: Date): IncidentSummary {
  return {
    id: row.id,
    title: row.title,
    reason: row.reason,
    severity: row.severity,
    status: row.status,
    active: isActiveStatus(row.status),
    cluster: row.cluster.name,
    workload: row.workload ? { ...row.workload } : null,
    startedAt: iso(row.startedAt),
    detectedAt: iso(row.detectedAt),
    resolvedAt: isoOrNull(row.resolvedAt),
    durationSeconds: durationSeconds(row.startedAt, row.resolvedAt, asOf),
    likelyCause: toCauseItems(row.causes)[0]?.title ?? null,
    occurrences: { count: row.occurrences, firstAt: iso(row.startedAt), lastAt: iso(row.lastOccurrenceAt ?? row.startedAt) },
    timeline: row.timeline.map(toTimelineItem),
    timelineCount: row._count.timeline,
  };
}

// One statement per list: each incident with its cluster, workload, timeline size and first entries.
const SUMMARY_SQL = (where: string, limit: string) => `
SELECT i.id, i.title, i.reason, i.severity, i.status::text AS status, i.started_at, i.detected_at, i.resolved_at, i.causes, i.occurrences,
       i.last_occurrence_at, c.name AS cluster, w.namespace, w.name AS workload_name, w.kind::text AS workload_kind,
       (SELECT count(*)::int FROM timeline_entries t WHERE t.incident_id = i.id) AS timeline_count,
       (SELECT COALESCE(json_agg(json_build_object('id', t.id, 'ts', t.ts, 'kind', t.kind, 'title', t.title, 'detail', t.detail) ORDER BY t.ts), '[]')
          FROM (SELECT * FROM timeline_entries t WHERE t.incident_id = i.id ORDER BY t.ts LIMIT ${COMPACT_TIMELINE}) t) AS timeline
  FROM incidents i JOIN clusters c ON c.id = i.cluster_id LEFT JOIN workloads w ON w.id = i.workload_id
 WHERE ${where}
 ORDER BY i.started_at DESC ${limit}`;

type SummaryRow = {
  id: string; title: string; reason: string; severity: string; status: string; started_at: Date; detected_at: Date; resolved_at: Date | null;
  causes: unknown; occurrences: number; last_occurrence_at: Date | null; cluster: string; namespace: string | null; workload_name: string | null;
  workload_kind: string | null; timeline_count: number; timeline: { id: string; ts: string; kind: string; title: string; detail: unknown }[];
};

const toRow = (r: SummaryRow): IncidentRow => ({
  id: r.id, title: r.title, reason: r.reason, severity: r.severity, status: r.status, startedAt: r.started_at, detectedAt: r.detected_at,
  resolvedAt: r.resolved_at, causes: r.causes, occurrences: r.occurrences, lastOccurrenceAt: r.last_occurrence_at, cluster: { name: r.cluster },
  workload: r.namespace !== null && r.workload_name !== null && r.workload_kind !== null ? { namespace: r.namespace, name: r.workload_name, kind: r.workload_kind } : null,
  _count: { timeline: r.timeline_count }, timeline: r.timeline.map((t) => ({ ...t, ts: new Date(t.ts) })),
});

// By default: open incidents whatever their age, then those that started or ended in the last 7
// cluster-days. With a time range: the incidents going on at some point of it (started by its end, and
// still open or resolved after its start), as an SRE asks "what was happening between 09:00 and 10:00?".
// Clusters, namespaces and a service search narrow them like everything else; an incident of no
// workload (a node's) belongs to its cluster alone, so a namespace or service search leaves it out.
export async function getIncidentSummaries(asOf: Date, scope: Scope = EVERYTHING, bounds: { from: Date; to: Date } | null = null): Promise<IncidentSummary[]> {
  const since = bounds?.from ?? new Date(asOf.getTime() - RECENT_DAYS * 86_400_000);
  const list = (open: boolean) => {
    const params: unknown[] = [[...ACTIVE_STATUSES]];
    const parts = [scopeWhere(scope, { cluster: "c.name", namespace: "w.namespace", name: "w.name" }, params)];
    parts.push(open ? `i.status::text = ANY($1::text[])` : `NOT (i.status::text = ANY($1::text[]))`);
    if (bounds) parts.push(`i.started_at <= $${params.push(bounds.to)}`);
    if (!open) {
      const p = `$${params.push(since)}`;
      parts.push(`(i.started_at >= ${p} OR i.resolved_at >= ${p})`);
    }
    return getPool().query<SummaryRow>(SUMMARY_SQL(parts.join(" AND "), open ? "" : `LIMIT ${MAX_RECENT}`), params);
  };
  const [active, recent] = await Promise.all([list(true), list(false)]);
  return [...active.rows, ...recent.rows].map((r) => toIncidentSummary(toRow(r), asOf));
}
