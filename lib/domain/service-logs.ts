import type { ServiceLogStream } from "@/lib/views/service.ts";
import { isErrorLevel, type TimelineLog } from "./incident-timeline.ts";
import { MINUTE_MS } from "./slo.ts";
import type { AxisWindow } from "./service-window.ts";

// Logs around a chosen moment (a point on the axis, a change, an incident's start): what each container
// printed from a few minutes before to a few minutes after. Lines are read as ingest stored them, and
// ingest redacts secrets before storing (lib/domain/redact.ts), so nothing here needs to.

export const LOG_MINUTES_BEFORE = 5;
export const LOG_MINUTES_AFTER = 5;
/** Lines shown per container; a chatty one keeps those nearest the moment. */
export const MAX_LINES_PER_STREAM = 200;

export function logWindow(at: number, minutesBefore = LOG_MINUTES_BEFORE, minutesAfter = LOG_MINUTES_AFTER): AxisWindow {
  return { from: at - minutesBefore * MINUTE_MS, to: at + minutesAfter * MINUTE_MS };
}

/**
 * One stream per pod and container, oldest line first, at most `max` lines nearest `at`. Streams with an
 * error line come first (the crashing pod is what the reader came for), then by pod and container name.
 */
export function logStreams(lines: readonly TimelineLog[], at: number, max = MAX_LINES_PER_STREAM): ServiceLogStream[] {
  const byStream = new Map<string, TimelineLog[]>();
  for (const l of lines) {
    const key = `${l.pod}\u0000${l.container}`;
    const stream = byStream.get(key);
    if (stream) stream.push(l);
    else byStream.set(key, [l]);
  }
  const failing = (lines: TimelineLog[]) => (lines.some((l) => isErrorLevel(l.level)) ? 0 : 1);
  return [...byStream.entries()]
    .sort(([a, x], [b, y]) => failing(x) - failing(y) || a.localeCompare(b))
    .map(([, all]) => {
      const kept = [...all].sort((a, b) => Math.abs(a.ts - at) - Math.abs(b.ts - at) || a.ts - b.ts).slice(0, max);
      kept.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
      return {
        pod: all[0].pod,
        container: all[0].container,
        lines: kept.map((l) => ({ ts: new Date(l.ts).toISOString(), level: l.level, message: l.message })),
        omitted: all.length - kept.length,
        errors: all.filter((l) => isErrorLevel(l.level)).length,
      };
    });
}
