import type { BurnSeries, ReplicaPoint, ServiceAxis, ServiceMark, ServiceMarkKind } from "@/lib/views/service.ts";
import type { TimelineChange, TimelineEvent } from "./incident-timeline.ts";
import { containerSignals, eventSignals, resolveEventWorkload, workloadKey, type ContainerFact, type WorkloadRef } from "./incident-signals.ts";
import { isRestartReason } from "./incidents.ts";
import type { AxisWindow } from "./service-window.ts";
import { burnRate } from "./slo.ts";

// One workload's history on the service page's axis, read with the definitions the incident pages use:
// a change is a stored `changes` row (lib/db/ingest/record-workload.ts), an event belongs to the workload
// as incident detection resolves it (pods, ReplicaSets, name prefixes), a restart is a restart signal of
// incident detection (an OOM kill or a crash loop, from container status and kubelet's BackOff events),
// replica health is the workload's own counts, burn is an SLO's burn rate per bucket.

export type ServiceIncident = { id: string; title: string; severity: string; status: string; startedAt: number; resolvedAt: number | null };
export type ReplicaFact = { ts: number; desired: number; ready: number; available: number };
export type BurnBucket = { start: number; good: number; total: number };
export type SloBuckets = { id: string; name: string; target: number; buckets: BurnBucket[] };

export type ServiceFacts = {
  workload: WorkloadRef;
  /** Every workload of the namespace and the pods Uptrust saw: what resolves an event to its workload. */
  workloads: readonly WorkloadRef[];
  podWorkloads: ReadonlyMap<string, WorkloadRef>;
  changes: readonly TimelineChange[];
  events: readonly TimelineEvent[];
  containers: readonly ContainerFact[];
  /** Replica counts in the window and the latest one before it (which held at its start). */
  statuses: readonly ReplicaFact[];
  incidents: readonly ServiceIncident[];
  slos: readonly SloBuckets[];
};

/** The most marks of one kind the axis draws; a busier range says how many it left out. */
export const MAX_MARKS_PER_KIND = 300;

const iso = (t: number) => new Date(t).toISOString();
const overlaps = (from: number, to: number, w: AxisWindow) => from <= w.to && to >= w.from;

function changeMarks(changes: readonly TimelineChange[], w: AxisWindow): ServiceMark[] {
  return changes
    .filter((c) => overlaps(c.observedAt, c.observedAt, w))
    .map((c) => ({
      kind: "change", id: c.id, at: iso(c.observedAt), title: c.summary, changeKind: c.kind ?? "template",
      revision: c.revision, manager: c.manager ?? null, before: c.before, after: c.after,
    }));
}

function eventMarks(f: ServiceFacts, w: AxisWindow): ServiceMark[] {
  const key = workloadKey(f.workload);
  return f.events
    .filter((e) => overlaps(e.firstSeen, e.lastSeen, w))
    .filter((e) => {
      const owner = resolveEventWorkload({ ...e, namespace: f.workload.namespace }, f.podWorkloads, f.workloads);
      return owner !== undefined && workloadKey(owner) === key;
    })
    .map((e) => ({
      kind: "event", id: `${e.uid}:${e.firstSeen}`, at: iso(e.firstSeen), until: iso(e.lastSeen),
      title: `${e.reason}${e.count > 1 ? ` (×${e.count})` : ""}: ${e.message}`,
      reason: e.reason, type: e.type, object: `${e.involvedKind}/${e.involvedName}`, count: e.count,
    }));
}

function restartMarks(f: ServiceFacts, w: AxisWindow, now: number): ServiceMark[] {
  const key = workloadKey(f.workload);
  const events = f.events.map((e) => ({ ...e, namespace: f.workload.namespace }));
  const signals = [...containerSignals(f.containers, now), ...eventSignals(events, f.podWorkloads, f.workloads, now)];
  return signals
    .filter((s) => s.workload === key && isRestartReason(s.reason) && overlaps(s.from, s.to, w))
    .map((s) => ({ kind: "restart", id: `${s.source}:${s.from}:${s.detail}`, at: iso(s.from), until: iso(s.to), title: s.detail, reason: s.reason }));
}

function incidentMarks(incidents: readonly ServiceIncident[], w: AxisWindow): ServiceMark[] {
  return incidents
    .filter((i) => overlaps(i.startedAt, i.resolvedAt ?? w.to, w))
    .map((i) => ({
      kind: "incident", id: i.id, at: iso(i.startedAt), until: i.resolvedAt === null ? null : iso(i.resolvedAt),
      title: i.title, severity: i.severity, status: i.status,
    }));
}

// The count that held at the window's start is drawn from there; the last one holds to the window's end
// (or to now, when the window reaches past the cluster's newest report).
export function replicaPoints(statuses: readonly ReplicaFact[], w: AxisWindow, now: number): ReplicaPoint[] {
  const sorted = [...statuses].sort((a, b) => a.ts - b.ts);
  const before = sorted.filter((s) => s.ts < w.from).at(-1);
  const inside = sorted.filter((s) => s.ts >= w.from && s.ts <= w.to);
  const points = [...(before ? [{ ...before, ts: w.from }] : []), ...inside];
  const last = points.at(-1);
  const end = Math.min(w.to, now);
  if (last && last.ts < end) points.push({ ...last, ts: end });
  return points.map((p) => ({ at: iso(p.ts), desired: p.desired, ready: p.ready, available: p.available }));
}

// Burn rate of a bucket = its error ratio ÷ the error budget (lib/domain/slo.ts); a bucket with nothing
// measured has no burn (null), so the chart shows a gap rather than a calm line.
export function burnSeries(slo: SloBuckets, w: AxisWindow, bucketMs: number): BurnSeries {
  const byStart = new Map(slo.buckets.map((b) => [b.start, b]));
  const points: BurnSeries["points"] = [];
  for (let t = Math.floor(w.from / bucketMs) * bucketMs; t < w.to; t += bucketMs) {
    const b = byStart.get(t);
    points.push({ at: iso(t), burn: b && b.total > 0 ? burnRate(b, slo.target) : null });
  }
  return { sloId: slo.id, name: slo.name, target: slo.target, points };
}

export function buildServiceAxis(f: ServiceFacts, w: AxisWindow, now: number, bucketMs: number): ServiceAxis {
  const lanes: ServiceMark[][] = [changeMarks(f.changes, w), eventMarks(f, w), restartMarks(f, w, now), incidentMarks(f.incidents, w)];
  const omitted: { kind: ServiceMarkKind; count: number }[] = [];
  const marks = lanes.flatMap((lane) => {
    const sorted = lane.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    if (sorted.length > MAX_MARKS_PER_KIND) omitted.push({ kind: sorted[0].kind, count: sorted.length - MAX_MARKS_PER_KIND });
    return sorted.slice(0, MAX_MARKS_PER_KIND);
  });
  return {
    from: iso(w.from),
    to: iso(w.to),
    bucketMs,
    marks: marks.sort((a, b) => a.at.localeCompare(b.at)),
    replicas: replicaPoints(f.statuses, w, now),
    burn: f.slos.map((s) => burnSeries(s, w, bucketMs)),
    omitted,
  };
}
