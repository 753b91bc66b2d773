import { buildTimeline, type TimelineInput, type TimelineLog } from "./incident-timeline.ts";
import { MINUTE_MS } from "./slo.ts";
import { toTimelineItem, type TimelineItem } from "./timeline-entry.ts";

// Test facts: checkout's bad rollout as the analyzer builds its timeline and a page reads it back. The
// image changes to 1.5.0 at minute 0, both new pods crash on the same missing setting at every start, the
// rollback comes at minute 20. Times are minutes after `t0` (cluster time).

export const CHECKOUT_T0 = Date.UTC(2026, 11, 6, 9, 0);
export const atMinute = (min: number) => CHECKOUT_T0 + min * MINUTE_MS;

/** A crash line as checkout writes it: the same message with the start's own time and request id. */
export function crashLine(min: number, pod = "checkout-7d9f8-abc12", n = 0): TimelineLog {
  const clock = new Date(atMinute(min)).toISOString();
  return { pod, container: "checkout", ts: atMinute(min), seq: n, level: "error", message: `${clock} panic: config: PAYMENT_URL is not set (request ${n}f3a9c1e)` };
}

/** The page's timeline for these facts: built by the analyzer's function, read back as stored rows are. */
export function storedTimeline(facts: Partial<TimelineInput>): TimelineItem[] {
  const input = { startedAt: atMinute(0), endAt: atMinute(60), changes: [], events: [], logs: [], statuses: [], ...facts };
  return buildTimeline(input, { maxLogLines: 500 }).map((e, i) =>
    toTimelineItem({ id: `e${i}`, ts: new Date(e.ts), kind: e.kind, title: e.title, detail: e.detail }),
  );
}

/** The rollout, 2 BackOff events, 6 identical crash lines from one pod, the rollback and the recovery. */
export function checkoutRollout(): TimelineItem[] {
  return storedTimeline({
    changes: [
      { id: "c1", observedAt: atMinute(0), summary: "image checkout: registry.example.com/shop/checkout:1.4.2 → 1.5.0", revision: "2", before: {}, after: {} },
      { id: "c2", observedAt: atMinute(20), summary: "image checkout: registry.example.com/shop/checkout:1.5.0 → 1.4.2", revision: "3", before: {}, after: {} },
    ],
    events: [
      { uid: "e1", reason: "BackOff", message: "Back-off restarting failed container checkout", type: "Warning", involvedKind: "Pod", involvedName: "checkout-7d9f8-abc12", count: 8, firstSeen: atMinute(1), lastSeen: atMinute(1) },
      { uid: "e2", reason: "BackOff", message: "Back-off restarting failed container checkout", type: "Warning", involvedKind: "Pod", involvedName: "checkout-7d9f8-xyz89", count: 8, firstSeen: atMinute(1), lastSeen: atMinute(1) },
    ],
    logs: [1, 2, 3, 4, 5, 6].map((min) => crashLine(min, undefined, min)),
    statuses: [{ ts: atMinute(0), desired: 4, available: 3 }, { ts: atMinute(21), desired: 4, available: 4 }],
  });
}
