import type { BudgetSpent } from "./postmortem.ts";
import { allowedBadEvents, sloWindow, type SloCalendar } from "./slo.ts";

/** Sums of an SLO's minutes from `from` to the next segment's start (the evaluator's segments). */
export type WindowSegment = { from: number; good: number; total: number; firstTs: number | null };
export type BudgetSlo = { name: string; target: number; windowDays: number; calendar: SloCalendar | null };

// The SLO window as its page shows it, ending when the SLO was last evaluated, and the edges its
// segments must be cut at so the incident's minutes are a sum of whole segments.
export function incidentBudgetEdges(slo: BudgetSlo, asOf: number, incident: { start: number; end: number }): number[] {
  const { start } = sloWindow(asOf, slo.windowDays, slo.calendar);
  const clamp = (t: number) => Math.min(asOf, Math.max(start, t));
  return [...new Set([start, clamp(incident.start), clamp(incident.end), asOf])].sort((a, b) => a - b);
}

// One SLO's budget over the window its page shows, with the allowed bad events computed exactly as the
// evaluator computes the budget remaining (allowedBadEvents), and the incident's bad events inside it.
export function incidentBudget(slo: BudgetSlo, asOf: number, segments: readonly WindowSegment[], incident: { start: number; end: number }): BudgetSpent {
  const window = sloWindow(asOf, slo.windowDays, slo.calendar);
  const totals = { good: 0, total: 0 };
  let firstTs: number | null = null;
  let badEvents = 0;
  for (const s of segments) {
    totals.good += s.good;
    totals.total += s.total;
    if (s.firstTs !== null && (firstTs === null || s.firstTs < firstTs)) firstTs = s.firstTs;
    if (s.from >= incident.start && s.from < incident.end) badEvents += Math.max(0, s.total - s.good);
  }
  const span = firstTs !== null ? asOf - Math.max(firstTs, window.start) : 0;
  return {
    slo: slo.name,
    target: slo.target,
    window: slo.calendar ? `calendar ${slo.calendar}` : `${slo.windowDays}-day`,
    asOf: new Date(asOf).toISOString(),
    badEvents,
    windowBadEvents: Math.max(0, totals.total - totals.good),
    allowedBadEvents: allowedBadEvents(totals, slo.target, span, window.lengthMs),
    beganBeforeWindow: incident.start < window.start,
  };
}
