import { readAlertSignals } from "@/lib/db/analyze/read-alert-signals.ts";
import { readIncidentFacts, type KnownWorkload } from "@/lib/db/analyze/read-incident-facts.ts";
import { readLookupFailures } from "@/lib/db/analyze/lookup-failures.ts";
import { readPagingSlos } from "@/lib/db/analyze/read-paging-slos.ts";
import { readSloHistory } from "@/lib/db/analyze/read-slo-history.ts";
import { readTimelineFacts } from "@/lib/db/analyze/read-timeline-facts.ts";
import { readCauseFacts } from "@/lib/db/analyze/read-cause-facts.ts";
import { listOpenIncidentStarts, saveDetectedIncident, saveIncidentCauses, type SavedIncident } from "@/lib/db/analyze/save-detected-incident.ts";
import { probableCauses } from "@/lib/domain/causes/probable-causes.ts";
import { upsertTimelineEntries } from "@/lib/db/analyze/upsert-timeline-entries.ts";
import { pruneTimelineEntries } from "@/lib/db/analyze/prune-timeline-entries.ts";
import { alertSignals, timelineAlerts } from "@/lib/domain/alert-signals.ts";
import { availabilitySignals, containerSignals, eventSignals, resolveEventWorkload, workloadKey } from "@/lib/domain/incident-signals.ts";
import { buildTimeline, type TimelineAlert, type TimelineSloAlert } from "@/lib/domain/incident-timeline.ts";
import { DEFAULT_RECURRENCE_MS, groupIncidents } from "@/lib/domain/incidents.ts";
import { lookupFailureSignals } from "@/lib/domain/lookup-failures.ts";
import { pagingSloSignals, sloPageSignals } from "@/lib/domain/slo-signals.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/domain/slo.ts";
import { env } from "@/lib/env.ts";
import type { ClusterRef } from "./types.ts";

// Outages are re-derived from the last day of facts each cycle (further back while an incident is still
// open or may still recur), so a restarted worker catches up and late facts still reach the right incident.
// Nothing here is stamped with the cycle's clock: detection is when the signals became visible, so the
// analyzer's interval (24 cluster-minutes between cycles in a 720x replay) adds no delay to MTTD.
const LOOKBACK_MS = 24 * HOUR_MS;
const CHANGE_LOOKBACK_MS = 60 * MINUTE_MS;

export async function detectIncidents(cluster: ClusterRef, now: Date): Promise<string> {
  const nowMs = now.getTime();
  const staleAfterMs = env().UPTRUST_ALERTMANAGER_STALE_HOURS * HOUR_MS;
  const oldestOpen = await listOpenIncidentStarts(cluster.id, now, DEFAULT_RECURRENCE_MS);
  const since = new Date(Math.min(nowMs - LOOKBACK_MS, oldestOpen ? oldestOpen.getTime() - HOUR_MS : Infinity));
  // A page alert looks back up to 6 hours: its history starts that much before the lookback.
  const [facts, sloHistory, lookups, paging, alerts] = await Promise.all([
    readIncidentFacts(cluster.id, since, now),
    readSloHistory(cluster.id, new Date(since.getTime() - 6 * HOUR_MS), now),
    readLookupFailures(cluster.id, since, now),
    readPagingSlos(cluster.id),
    readAlertSignals(cluster.id, since, now),
  ]);
  const keyOf = new Map(facts.workloads.map((w) => [w.id, workloadKey(w)]));
  const sloSignals = sloHistory.flatMap((h) => sloPageSignals({ ...h, workload: workloadKey(h.workload), periodMs: h.windowDays * DAY_MS }, nowMs));
  const factSignals = [
    ...containerSignals(facts.containers, nowMs),
    ...eventSignals(facts.events, facts.podWorkloads, facts.workloads, nowMs),
    ...availabilitySignals(facts.statuses, nowMs),
    ...sloSignals,
    ...lookups.flatMap((l) => (keyOf.has(l.workloadId) ? lookupFailureSignals(keyOf.get(l.workloadId)!, l.minutes, nowMs) : [])),
    // The team's Alertmanager rules: their firing alerts join the incident of the workload they name.
    ...alertSignals(alerts, facts.podWorkloads, facts.workloads, nowMs, staleAfterMs),
  ];
  // What an SLO card says pages now is an open incident, the cockpit's list agreeing with the card.
  const pages = pagingSloSignals(paging, factSignals, nowMs);
  const detected = groupIncidents([...factSignals, ...pages], nowMs);
  const byKey = new Map(facts.workloads.map((w) => [workloadKey(w), w]));
  let created = 0;
  let open = 0;
  for (const d of detected) {
    const workload = byKey.get(d.workload);
    if (!workload) continue;
    const saved = await saveDetectedIncident(cluster, workload.id, d, now);
    if (!saved) continue;
    if (saved.created) created++;
    if (saved.open) open++;
    // A resolved incident that did not change keeps the timeline it already has.
    // The page's history tells it on the timeline (when it fired, the impact it stands for); "paging now"
    // is the card's to say.
    const sloAlerts = sloSignals.filter((x) => x.workload === d.workload).map((x) => ({ from: x.from, to: x.to, detail: x.detail }));
    const workloadAlerts = timelineAlerts(alerts, workload, facts.podWorkloads, facts.workloads, nowMs, staleAfterMs);
    if (saved.created || saved.changed || saved.open) await rebuildTimeline(cluster, workload, facts.workloads, facts.podWorkloads, saved, sloAlerts, workloadAlerts);
  }
  return `${detected.length} incidents seen (${created} new, ${open} open)`;
}

async function rebuildTimeline(
  cluster: ClusterRef,
  workload: KnownWorkload,
  workloads: KnownWorkload[],
  podWorkloads: Parameters<typeof resolveEventWorkload>[1],
  incident: SavedIncident,
  sloAlerts: TimelineSloAlert[],
  alerts: TimelineAlert[],
): Promise<void> {
  const from = new Date(incident.startedAt.getTime() - CHANGE_LOOKBACK_MS);
  const facts = await readTimelineFacts(cluster.id, workload, from, incident.endAt);
  const key = workloadKey(workload);
  const events = facts.events.filter((e) => {
    const owner = resolveEventWorkload({ ...e, namespace: workload.namespace }, podWorkloads, workloads);
    return owner !== undefined && workloadKey(owner) === key;
  });
  const entries = buildTimeline(
    {
      startedAt: incident.startedAt.getTime(), endAt: incident.endAt.getTime(), changes: facts.changes, events, logs: facts.logs, statuses: facts.statuses,
      guardrails: facts.guardrails, sloAlerts, occurrences: incident.occurrences, alerts,
    },
    { changeLookbackMs: CHANGE_LOOKBACK_MS },
  );
  await upsertTimelineEntries(incident.id, entries);
  if (incident.allOccurrences) await pruneTimelineEntries(incident.id, "occurrence", entries);
  const causeFacts = await readCauseFacts(cluster.id, workload, incident.startedAt, incident.endAt);
  const causes = probableCauses({
    workload,
    reason: incident.reason,
    startedAt: incident.startedAt.getTime(),
    endAt: incident.endAt.getTime(),
    changes: facts.changes.map((c) => ({ ...c, kind: c.kind ?? "template", manager: c.manager ?? null })),
    events,
    ...causeFacts,
  });
  await saveIncidentCauses(incident.id, causes);
}
