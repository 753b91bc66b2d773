import type { TimelineItem } from "./timeline-entry.ts";

// A crash-looping container writes the same error on every start: forty rows of "panic: dial tcp
// 10.0.3.7:5432: connection refused" bury the one change that matters. Log lines that say the same thing
// (the same text once numbers, ids, addresses and timestamps are set aside) from the same container, close
// together in time, are told once: "× 37, first 09:12:03, last 09:14:55", with every line kept for whoever
// expands it.

type LogItem = Extract<TimelineItem, { kind: "log" }>;

/** One row of the timeline as read: an entry alone, or a run of log lines that repeat one message. */
export type TimelineRow =
  | { kind: "entry"; entry: TimelineItem }
  | { kind: "repeated"; pattern: string; container: string | null; lines: LogItem[]; first: string; last: string; pods: string[] };

export type CollapseOptions = {
  /** A line further than this from the run's previous line starts a new run (default 5 minutes). */
  maxGapMs?: number;
};

const DEFAULT_GAP_MS = 5 * 60_000;

// What varies between two tellings of one message, most specific first: an ISO or syslog-style
// timestamp, a UUID, an IPv4 address (with its port), a token mixing letters and digits (pod suffixes,
// trace and request ids, hex hashes), then any number left.
const VARYING: readonly [RegExp, string][] = [
  [/\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?/g, "<time>"],
  [/\b\d\d:\d\d:\d\d(\.\d+)?\b/g, "<time>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<id>"],
  [/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, "<ip>"],
  [/\b(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{5,}\b/gi, "<id>"],
  [/\d+(\.\d+)?/g, "<n>"],
];

/** The message with what varies between its tellings replaced by placeholders: two lines repeat each other when these agree. */
export function logPattern(message: string): string {
  let pattern = message.trim();
  for (const [re, placeholder] of VARYING) pattern = pattern.replace(re, placeholder);
  return pattern.replace(/\s+/g, " ");
}

// A change or a responder's action between two lines ends the run: "failing before the rollback" and
// "failing after it" are different stories, and folding them together would hide that the fix did not hold.
const BREAKS_RUNS = new Set<TimelineItem["kind"]>(["change", "lifecycle", "note", "status-update", "occurrence"]);

type Run = { lines: LogItem[]; lastMs: number };

/**
 * The timeline (oldest first) as rows: each log line joins the open run of its container and pattern when it
 * came at most `maxGapMs` after that run's previous line, whatever other entries came between; the run stands
 * where its first line was. A run of one stays a plain entry.
 */
export function collapseRepeatedLogLines(entries: readonly TimelineItem[], options: CollapseOptions = {}): TimelineRow[] {
  const maxGap = options.maxGapMs ?? DEFAULT_GAP_MS;
  const slots: (TimelineItem | Run)[] = [];
  let open = new Map<string, Run>();
  for (const entry of entries) {
    if (BREAKS_RUNS.has(entry.kind)) open = new Map();
    if (entry.kind !== "log") {
      slots.push(entry);
      continue;
    }
    const ms = Date.parse(entry.ts);
    const key = `${entry.detail.container ?? ""}\n${logPattern(entry.title)}`;
    const run = open.get(key);
    if (run && ms - run.lastMs <= maxGap) {
      run.lines.push(entry);
      run.lastMs = ms;
      continue;
    }
    const fresh: Run = { lines: [entry], lastMs: ms };
    open.set(key, fresh);
    slots.push(fresh);
  }
  return slots.map(toRow);
}

function toRow(slot: TimelineItem | Run): TimelineRow {
  if (!("lines" in slot)) return { kind: "entry", entry: slot };
  const [first] = slot.lines;
  if (slot.lines.length === 1) return { kind: "entry", entry: first };
  const pods = [...new Set(slot.lines.map((l) => l.detail.pod).filter((p): p is string => Boolean(p)))];
  return {
    kind: "repeated",
    pattern: logPattern(first.title),
    container: first.detail.container,
    lines: slot.lines,
    first: first.ts,
    last: slot.lines[slot.lines.length - 1].ts,
    pods,
  };
}

/** How many timeline entries a row stands for. */
export function rowSize(row: TimelineRow): number {
  return row.kind === "entry" ? 1 : row.lines.length;
}
