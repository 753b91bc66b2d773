import { formatDuration } from "./format-duration.ts";
import type { IncidentReason } from "./incident-signals.ts";
import { MINUTE_MS } from "./slo.ts";
import type { TimelineEntry } from "./timeline-entry.ts";
import { formatUtcTimeInput } from "./utc-time-input.ts";

// The incident timeline answers "what changed right before it broke?": pod-template changes from an hour
// before the first signal, the workload's events and replica counts, and a bounded excerpt of error logs,
// merged in cluster-time order, with the guardrail violations that appeared meanwhile (a rollout that
// dropped a probe shows the missing probe beside it). Every entry carries a stable source key, so
// rebuilding it is idempotent. A recurring trouble's occurrences are entries too, each at its start.

export type { TimelineEntry };

export type TimelineChange = { id: string; observedAt: number; summary: string; revision: string | null; before: unknown; after: unknown; kind?: string; manager?: string | null };
export type TimelineEvent = { uid: string; reason: string; message: string; type: string; involvedKind: string; involvedName: string; count: number; firstSeen: number; lastSeen: number };
export type TimelineLog = { pod: string; container: string; ts: number; seq: number; level: string | null; message: string };
export type TimelineStatus = { ts: number; desired: number; available: number };
/** A violation first seen at firstSeen (not one standing since Uptrust's first check). */
export type TimelineGuardrail = { target: string; check: string; severity: string; message: string; firstSeen: number };

export type TimelineInput = {
  startedAt: number;
  endAt: number;
  changes: readonly TimelineChange[];
  events: readonly TimelineEvent[];
  logs: readonly TimelineLog[];
  statuses: readonly TimelineStatus[];
  guardrails?: readonly TimelineGuardrail[];
  /** The workload's SLO page alerts, as the impact they stand for (lib/domain/slo-signals.ts). */
  sloAlerts?: readonly TimelineSloAlert[];
  /** Alerts the team's Alertmanager sent about the workload (lib/domain/alert-signals.ts). */
  alerts?: readonly TimelineAlert[];
  /** The incident's occurrences, oldest first (lib/domain/incidents.ts); one alone is not told. */
  occurrences?: readonly TimelineOccurrence[];
};

export type TimelineOccurrence = { startedAt: number; resolvedAt: number | null; reason: IncidentReason };

export type TimelineSloAlert = { from: number; to: number; detail: string };

export type TimelineAlert = {
  fingerprint: string; alertname: string; severity: string | null; startsAt: number; endsAt: number | null; summary: string | null; generatorUrl: string | null;
  /** Whether Alertmanager resolved it or it went silent (lib/domain/alert-signals.ts alertEnding); null while it fires. */
  endedBy?: "resolution" | "silence" | null;
};

export type TimelineOptions = { changeLookbackMs?: number; logLookbackMs?: number; maxLogLines?: number; maxStatusEntries?: number; maxMessageChars?: number };

const KIND_ORDER: Record<TimelineEntry["kind"], number> = { change: 0, guardrail: 1, occurrence: 2, slo: 3, alert: 4, status: 5, event: 6, log: 7 };
const ERROR_LEVELS = new Set(["error", "err", "fatal", "critical", "crit", "panic", "emerg", "alert"]);

export function isErrorLevel(level: string | null): boolean {
  return level !== null && ERROR_LEVELS.has(level.toLowerCase());
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function buildTimeline(input: TimelineInput, options: TimelineOptions = {}): TimelineEntry[] {
  const changeFrom = input.startedAt - (options.changeLookbackMs ?? 60 * MINUTE_MS);
  const logFrom = input.startedAt - (options.logLookbackMs ?? 5 * MINUTE_MS);
  const maxLogLines = options.maxLogLines ?? 20;
  const maxStatus = options.maxStatusEntries ?? 50;
  const maxChars = options.maxMessageChars ?? 500;
  const end = input.endAt;
  const entries: TimelineEntry[] = [];

  for (const c of input.changes) {
    if (c.observedAt < changeFrom || c.observedAt > end) continue;
    entries.push({ ts: c.observedAt, kind: "change", title: c.summary, detail: { revision: c.revision, before: c.before, after: c.after }, sourceKey: `change:${c.id}` });
  }

  for (const g of input.guardrails ?? []) {
    if (g.firstSeen < changeFrom || g.firstSeen > end) continue;
    entries.push({ ts: g.firstSeen, kind: "guardrail", title: `new ${g.severity}: ${g.target} ${g.message}`, detail: { check: g.check, severity: g.severity }, sourceKey: `guardrail:${g.target}:${g.check}:${g.firstSeen}` });
  }

  const occurrences = input.occurrences ?? [];
  if (occurrences.length > 1) {
    for (const [i, o] of occurrences.entries()) {
      const ended = o.resolvedAt === null ? "still going" : `recovered after ${formatDuration((o.resolvedAt - o.startedAt) / 1000)}`;
      entries.push({
        ts: o.startedAt,
        kind: "occurrence",
        title: `Occurrence ${i + 1} of ${occurrences.length}: ${o.reason} (${ended})`,
        detail: { n: i + 1, reason: o.reason, endedAt: o.resolvedAt === null ? null : new Date(o.resolvedAt).toISOString() },
        sourceKey: `occurrence:${o.startedAt}`,
      });
    }
  }

  for (const a of input.sloAlerts ?? []) {
    if (a.from > end || a.to < changeFrom) continue;
    entries.push({ ts: a.from, kind: "slo", title: a.detail, detail: { impactFrom: new Date(a.from).toISOString(), impactTo: new Date(a.to).toISOString() }, sourceKey: `slo:${a.detail.split(":")[0]}:${a.from}` });
  }

  // An alert is told when it fired and, once Alertmanager says so, when it resolved, with the summary its
  // rule wrote and a link back to the expression that fired (Prometheus's generatorURL).
  for (const a of input.alerts ?? []) {
    const detail = { alertname: a.alertname, severity: a.severity, summary: a.summary, generatorUrl: a.generatorUrl };
    const about = a.summary ? `: ${clip(a.summary, maxChars)}` : "";
    if (a.startsAt >= changeFrom && a.startsAt <= end) {
      entries.push({ ts: a.startsAt, kind: "alert", title: `Alertmanager: ${a.alertname} firing${about}`, detail, sourceKey: `alert:${a.fingerprint}:${a.startsAt}` });
    }
    if (a.endsAt !== null && a.endsAt >= changeFrom && a.endsAt <= end) {
      // A silent alert is not said to be resolved: only that Alertmanager stopped re-sending it.
      const silent = a.endedBy === "silence";
      const title = silent ? `Alertmanager: ${a.alertname} taken as ended: no word from Alertmanager since ${formatUtcTimeInput(new Date(a.endsAt).toISOString())} UTC` : `Alertmanager: ${a.alertname} resolved`;
      entries.push({ ts: a.endsAt, kind: "alert", title, detail, sourceKey: `alert-${silent ? "silent" : "resolved"}:${a.fingerprint}:${a.startsAt}` });
    }
  }

  const statuses = input.statuses.filter((s) => s.ts >= changeFrom && s.ts <= end).sort((a, b) => a.ts - b.ts);
  for (const s of statuses.slice(0, maxStatus)) {
    const title = `${s.available}/${s.desired} replicas available`;
    entries.push({ ts: s.ts, kind: "status", title, detail: { desired: s.desired, available: s.available }, sourceKey: `status:${s.ts}` });
  }

  for (const e of input.events) {
    // An event row is known to have happened at its first and last sighting only; place it at whichever
    // falls inside this incident's window. One that merely spans the window (an hourly restart counted
    // since morning) is left out rather than pinned to a moment it may not have happened.
    const inWindow = (t: number) => t >= changeFrom && t <= end;
    const ts = inWindow(e.firstSeen) ? e.firstSeen : inWindow(e.lastSeen) ? e.lastSeen : undefined;
    if (ts === undefined) continue;
    const times = e.count > 1 ? ` (×${e.count})` : "";
    entries.push({
      ts,
      kind: "event",
      title: `${e.reason}${times}: ${clip(e.message, maxChars)}`,
      detail: { type: e.type, object: `${e.involvedKind}/${e.involvedName}`, count: e.count, firstSeen: new Date(e.firstSeen).toISOString(), lastSeen: new Date(e.lastSeen).toISOString() },
      sourceKey: `event:${e.uid}:${e.firstSeen}`,
    });
  }

  const logs = input.logs
    .filter((l) => isErrorLevel(l.level) && l.ts >= logFrom && l.ts <= end)
    .sort((a, b) => a.ts - b.ts || a.seq - b.seq)
    .slice(0, maxLogLines);
  for (const l of logs) {
    entries.push({ ts: l.ts, kind: "log", title: clip(l.message, maxChars), detail: { pod: l.pod, container: l.container, level: l.level }, sourceKey: `log:${l.pod}/${l.container}:${l.ts}:${l.seq}` });
  }

  return entries.sort((a, b) => a.ts - b.ts || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.sourceKey.localeCompare(b.sourceKey));
}
