import { budgetRemaining, DAY_MS, HOUR_MS, type EventCounts, type SloWindow } from "./slo.ts";

// The error-budget burn-down of one SLO window: the budget left at the end of every hour (or UTC day)
// from the window's start to the evaluation, each read by the card's own definition (budgetRemaining
// over the events measured since the window began), so its last point is the card's "budget left".

/** Sums of one step [from, to) of the window; steps without a measured minute may be left out. */
export type BurnDownStep = EventCounts & { from: number };
export type BurnDownPoint = { ts: number; remaining: number | null; ideal: number };

// Hour by hour while the span charted fits four days (at most 96 points), day by day beyond.
const HOURLY_UP_TO_MS = 4 * DAY_MS;

export type BurnDownSpan = { from: number; to: number; end: number; stepMs: number };

// The span charted: from the window's start, or from the first measured minute when the history is
// younger than the window (a new SLO's 30-day chart would otherwise be 29 flat days), to the evaluation
// (`to`); `end` is where the window ends (the evaluation for a rolling window, the month's or week's end
// for a calendar one), where the ideal line reaches zero.
export function burnDownSpan(window: SloWindow, measuredSince: number | null): BurnDownSpan {
  const end = window.start + window.lengthMs;
  const first = measuredSince === null ? window.start : Math.max(window.start, measuredSince);
  const stepMs = end - first <= HOURLY_UP_TO_MS ? HOUR_MS : DAY_MS;
  return { from: Math.max(window.start, Math.floor(first / stepMs) * stepMs), to: window.end, end, stepMs };
}

/** Where the step sums are cut: the span's start, every whole hour or UTC day inside it, and the evaluation. */
export function burnDownEdges(span: BurnDownSpan, windowStart: number): number[] {
  const edges = [windowStart];
  for (let t = Math.floor(span.from / span.stepMs) * span.stepMs + span.stepMs; t < span.to; t += span.stepMs) if (t > windowStart) edges.push(t);
  return [...edges, span.to];
}

// Even spend: at a steady 1× burn the budget runs out exactly when the window does. With the budget's
// denominator extrapolated from the span measured (allowedBadEvents), a 1× burn leaves
// 1 − (t − measured since) ÷ window, a straight line from 100 % to 0 over one window's length.
export function idealRemaining(ts: number, measuredSince: number, windowMs: number): number {
  return Math.max(0, 1 - Math.max(0, ts - measuredSince) / windowMs);
}

// Steps cover [window start, evaluation); the first point (100 %) stands at the span's start, then one
// per step end. Points after the evaluation (the rest of a calendar window) carry the ideal line alone.
export function budgetBurnDown(steps: readonly BurnDownStep[], input: { target: number; window: SloWindow; measuredSince: number | null }): BurnDownPoint[] {
  const { target, window, measuredSince } = input;
  const span = burnDownSpan(window, measuredSince);
  const since = measuredSince ?? window.start;
  const edges = burnDownEdges(span, window.start);
  const sorted = [...steps].sort((a, b) => a.from - b.from);
  const points: BurnDownPoint[] = [{ ts: span.from, remaining: 1, ideal: idealRemaining(span.from, since, window.lengthMs) }];
  let counts = { good: 0, total: 0 };
  let k = 0;
  for (const edge of edges.slice(1)) {
    while (k < sorted.length && sorted[k].from < edge) {
      counts = { good: counts.good + sorted[k].good, total: counts.total + sorted[k].total };
      k++;
    }
    if (edge <= span.from) continue;
    // The card's definition: bad events so far ÷ the budget the events measured so far project.
    const remaining = measuredSince === null ? 1 : budgetRemaining(counts, target, edge - measuredSince, window.lengthMs);
    points.push({ ts: edge, remaining, ideal: idealRemaining(edge, since, window.lengthMs) });
  }
  for (let t = Math.floor(span.to / span.stepMs) * span.stepMs + span.stepMs; t <= span.end; t += span.stepMs) {
    points.push({ ts: t, remaining: null, ideal: idealRemaining(t, since, window.lengthMs) });
  }
  return points;
}
