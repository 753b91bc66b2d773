import { z } from "zod";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./slo.ts";

// The service page's one time axis shows [from, to] in cluster time. Without a range in the URL it shows
// the six hours up to the cluster's newest report: long enough to hold a rollout, the trouble after it and
// the rollback. Zooming halves or doubles the span around a moment; the span stays between ten minutes
// (a few log lines per minute still read as a timeline) and thirty days (the longest SLO window).

export type AxisWindow = { from: number; to: number };

export const DEFAULT_SPAN_MS = 6 * HOUR_MS;
export const MIN_SPAN_MS = 10 * MINUTE_MS;
export const MAX_SPAN_MS = 30 * DAY_MS;

const isoTime = (key: string) =>
  z.iso.datetime({ offset: true, error: `${key} must be a UTC time such as 2026-12-06T09:30:00Z` }).transform((s) => Date.parse(s));

/** The range in a URL (`from`, `to`), each optional; a bad value is a sentence saying what to write instead. */
export const windowQuery = z
  .object({ from: isoTime("from").optional(), to: isoTime("to").optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { error: "from must be earlier than to" });

/** Keeps a span between the shortest and longest the axis shows, growing or shrinking it around its middle. */
export function clampWindow(w: AxisWindow): AxisWindow {
  const span = w.to - w.from;
  if (span >= MIN_SPAN_MS && span <= MAX_SPAN_MS) return w;
  const mid = (w.from + w.to) / 2;
  const half = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span)) / 2;
  return { from: Math.round(mid - half), to: Math.round(mid + half) };
}

/** The window a URL asks for: both ends, one end and the default span, or the default span up to now. */
export function serviceWindow(q: { from?: number; to?: number }, now: number): AxisWindow {
  if (q.from !== undefined && q.to !== undefined) return clampWindow({ from: q.from, to: q.to });
  if (q.from !== undefined) return { from: q.from, to: q.from + DEFAULT_SPAN_MS };
  const to = q.to ?? now;
  return { from: to - DEFAULT_SPAN_MS, to };
}

/** factor < 1 zooms in, > 1 out, keeping `center` (default: the middle) at the same place on the axis. */
export function zoomWindow(w: AxisWindow, factor: number, center = (w.from + w.to) / 2): AxisWindow {
  const share = (center - w.from) / (w.to - w.from);
  const span = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, (w.to - w.from) * factor));
  const from = Math.round(center - share * span);
  return { from, to: from + Math.round(span) };
}

/** Moves the window by a share of its span: -0.5 shows the earlier half-span, 0.5 the later one. */
export function panWindow(w: AxisWindow, share: number): AxisWindow {
  const shift = Math.round((w.to - w.from) * share);
  return { from: w.from + shift, to: w.to + shift };
}

const BUCKETS_MS = [MINUTE_MS, 5 * MINUTE_MS, 15 * MINUTE_MS, HOUR_MS, 6 * HOUR_MS, DAY_MS];
export const MAX_BUCKETS = 180;

/** The finest burn bucket that keeps the visible range within MAX_BUCKETS points (a minute at 3 h, an hour at a week). */
export function burnBucketMs(w: AxisWindow): number {
  return BUCKETS_MS.find((b) => (w.to - w.from) / b <= MAX_BUCKETS) ?? DAY_MS;
}

/** The URL's `from`/`to` for a window, in whole seconds of UTC. */
export function windowParams(w: AxisWindow): { from: string; to: string } {
  const iso = (t: number) => new Date(Math.round(t / 1000) * 1000).toISOString().replace(".000Z", "Z");
  return { from: iso(w.from), to: iso(w.to) };
}

const TICK_STEPS_MS = [MINUTE_MS, 5 * MINUTE_MS, 10 * MINUTE_MS, 15 * MINUTE_MS, 30 * MINUTE_MS, HOUR_MS, 2 * HOUR_MS, 3 * HOUR_MS, 6 * HOUR_MS, 12 * HOUR_MS, DAY_MS, 2 * DAY_MS, 7 * DAY_MS];

/** Round times for the axis's ruler: the finest step that keeps at most `max` ticks inside the window. */
export function axisTicks(w: AxisWindow, max = 8): number[] {
  const step = TICK_STEPS_MS.find((s) => (w.to - w.from) / s <= max) ?? 7 * DAY_MS;
  const ticks: number[] = [];
  for (let t = Math.ceil(w.from / step) * step; t <= w.to; t += step) ticks.push(t);
  return ticks;
}
