import { prisma } from "@/lib/db/client.ts";
import type { IncidentSummary } from "@/lib/views/incident.ts";
import { toCauseItems } from "./map-causes.ts";
import { ACTIVE_STATUSES, durationSeconds, iso, isActiveStatus, isoOrNull } from "./map-rows.ts";
import { toTimelineItem } from "@/lib/domain/timeline-entry.ts";

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

// Open incidents whatever their age, then those that started or ended in the last 7 cluster-days.
export async function getIncidentSummaries(asOf: Date): Promise<IncidentSummary[]> {
  const since = new Date(asOf.getTime() - RECENT_DAYS * 86_400_000);
  const include = { ...incidentInclude, timeline: { orderBy: { ts: "asc" as const }, take: COMPACT_TIMELINE } };
  const [active, recent] = await Promise.all([
    prisma().incident.findMany({
      where: { status: { in: [...ACTIVE_STATUSES] } },
      orderBy: { startedAt: "desc" },
      include,
    }),
    prisma().incident.findMany({
      where: {
        status: { notIn: [...ACTIVE_STATUSES] },
        OR: [{ startedAt: { gte: since } }, { resolvedAt: { gte: since } }],
      },
      orderBy: { startedAt: "desc" },
      take: MAX_RECENT,
      include,
    }),
  ]);
  return [...active, ...recent].map((row) => toIncidentSummary(row, asOf));
}
