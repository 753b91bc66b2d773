import { getPool } from "@/lib/db/pool.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { IncidentListItem, IncidentSummary, TimelineItem } from "@/lib/views/incident.ts";
import { likelyCauseOf } from "./map-causes.ts";
import { ACTIVE_STATUSES, durationSeconds, iso, isActiveStatus, isoOrNull } from "./map-rows.ts";
import { toTimelineItem } from "@/lib/domain/timeline-entry.ts";
import { byUrgency, RECENT_INCIDENT_DAYS } from "@/lib/domain/incident-order.ts";
import { EVERYTHING, scopeBounds } from "@/lib/domain/scope.ts";
import { clusterNow, getClusterChips } from "./get-cluster-chips.ts";
import { scopeWhere } from "./scope-sql.ts";

const CARD_TIMELINE = 8;

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
};
type TimelineRow = { id: string; ts: Date; kind: string; title: string; detail: unknown };

type ListFields = Omit<IncidentRow, "causes"> & { likelyCause: string | null };

export function toIncidentListItem(row: ListFields, asOf: Date): IncidentListItem {
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
    likelyCause: row.likelyCause,
    occurrences: { count: row.occurrences, firstAt: iso(row.startedAt), lastAt: iso(row.lastOccurrenceAt ?? row.startedAt) },
    timelineCount: row._count.timeline,
  };
}

export const toIncidentSummary = (row: IncidentRow & { timeline: TimelineRow[] }, asOf: Date): IncidentSummary => ({
  ...toIncidentListItem({ ...row, likelyCause: likelyCauseOf(row.causes) }, asOf),
  timeline: row.timeline.map(toTimelineItem),
});

// Every incident of a scope as a list row: its cluster, workload and timeline size, not the entries; of its causes
// only the most likely one's title (the row names it), not the others and their evidence (most of a fleet's bytes,
// and validating the evidence of 400 incidents took a few milliseconds of every cockpit render; bench/web.ts).
const LIST_SQL = (where: string) => `
SELECT i.id, i.title, i.reason, i.severity, i.status::text AS status, i.started_at, i.detected_at, i.resolved_at, i.causes -> 0 ->> 'title' AS first_cause_title, i.occurrences,
       i.last_occurrence_at, c.name AS cluster, w.namespace, w.name AS workload_name, w.kind::text AS workload_kind,
       (SELECT count(*)::int FROM timeline_entries t WHERE t.incident_id = i.id) AS timeline_count
  FROM incidents i JOIN clusters c ON c.id = i.cluster_id LEFT JOIN workloads w ON w.id = i.workload_id
 WHERE ${where}`;

type ListRow = {
  id: string; title: string; reason: string; severity: string; status: string; started_at: Date; detected_at: Date; resolved_at: Date | null;
  first_cause_title: string | null; occurrences: number; last_occurrence_at: Date | null; cluster: string; namespace: string | null; workload_name: string | null;
  workload_kind: string | null; timeline_count: number;
};

const toRow = (r: ListRow): ListFields => ({
  id: r.id, title: r.title, reason: r.reason, severity: r.severity, status: r.status, startedAt: r.started_at, detectedAt: r.detected_at,
  resolvedAt: r.resolved_at, likelyCause: r.first_cause_title, occurrences: r.occurrences, lastOccurrenceAt: r.last_occurrence_at, cluster: { name: r.cluster },
  workload: r.namespace !== null && r.workload_name !== null && r.workload_kind !== null ? { namespace: r.namespace, name: r.workload_name, kind: r.workload_kind } : null,
  _count: { timeline: r.timeline_count },
});

// By default: open incidents whatever their age, then those that started or ended in the last 7
// cluster-days. With a time range: the incidents going on at some point of it (started by its end, and
// still open or resolved after its start), as an SRE asks "what was happening between 09:00 and 10:00?".
// Clusters, namespaces and a service search narrow them like everything else; an incident of no
// workload (a node's) belongs to its cluster alone, so a namespace or service search leaves it out.
// Every one is read (the counts speak of all of them), in byUrgency order; timelines are read apart.
export async function readIncidentList(asOf: Date, scope: Scope = EVERYTHING, bounds: { from: Date; to: Date } | null = null): Promise<IncidentListItem[]> {
  const since = bounds?.from ?? new Date(asOf.getTime() - RECENT_INCIDENT_DAYS * 86_400_000);
  const params: unknown[] = [[...ACTIVE_STATUSES], since];
  const parts = [scopeWhere(scope, { cluster: "c.name", namespace: "w.namespace", name: "w.name" }, params)];
  parts.push(`(i.status::text = ANY($1::text[]) OR i.started_at >= $2 OR i.resolved_at >= $2)`);
  if (bounds) parts.push(`i.started_at <= $${params.push(bounds.to)}`);
  const { rows } = await getPool().query<ListRow>(LIST_SQL(parts.join(" AND ")), params);
  return rows.map((r) => toIncidentListItem(toRow(r), asOf)).sort(byUrgency);
}

/** The incidents of the scope in the URL, on the clusters' clock, as the cockpit reads them. */
export async function getIncidentsInScope(scope: Scope, now: Date = new Date()): Promise<IncidentListItem[]> {
  const asOf = clusterNow(await getClusterChips(scope), now);
  return readIncidentList(asOf, scope, scopeBounds(scope.range, asOf));
}

// The first entries of each incident's timeline, oldest first: what a card on the cockpit shows.
export async function readIncidentTimelines(ids: readonly string[]): Promise<Map<string, TimelineItem[]>> {
  if (ids.length === 0) return new Map();
  const { rows } = await getPool().query<TimelineRow & { incident_id: string }>(
    `SELECT t.incident_id, t.id, t.ts, t.kind, t.title, t.detail
       FROM unnest($1::uuid[]) AS x(id)
       CROSS JOIN LATERAL (SELECT * FROM timeline_entries t WHERE t.incident_id = x.id ORDER BY t.ts LIMIT ${CARD_TIMELINE}) t
      ORDER BY t.incident_id, t.ts`,
    [[...ids]],
  );
  const out = new Map<string, TimelineItem[]>(ids.map((id) => [id, []]));
  for (const r of rows) out.get(r.incident_id)?.push(toTimelineItem(r));
  return out;
}
