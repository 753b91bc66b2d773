import type { LogLevel, ParsedLogLine } from "./parse-log-line.ts";

// A stack trace is one event for a responder, not forty rows. Lines that continue the previous
// message (indented, Go's `goroutine N`, Java's `at …`/`Caused by:`, Python's `Traceback`) join it;
// the message keeps the first line's timestamp and the most severe level seen.

export type LogMessage = { ts: Date; text: string; level: LogLevel | null };

const CONTINUATION = /^(\s|goroutine \d|at |Traceback|Caused by:|\.\.\. \d+ more|$)/;
// Inside a Go goroutine dump, frames are unindented "pkg.func(args)" lines (their file:line is indented).
const GO_FRAME = /^(created by )?[\w./*()[\]-]+\(.*\)$/;
const SEVERITY: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, fatal: 4 };
const MAX_MESSAGE_CHARS = 64 * 1024;

function worse(a: LogLevel | null, b: LogLevel | null): LogLevel | null {
  if (!a) return b;
  if (!b) return a;
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

export class LogMessageAssembler {
  private open: LogMessage | undefined;

  /** Feeds one line; returns the message it completed, if any. */
  push(line: ParsedLogLine): LogMessage | undefined {
    if (this.open && (CONTINUATION.test(line.text) || (this.open.text.includes("\ngoroutine ") && GO_FRAME.test(line.text)))) {
      if (this.open.text.length < MAX_MESSAGE_CHARS) this.open.text += `\n${line.text}`;
      // A Python trace's severity is on its last line ("ValueError: …" is plain): keep the worst seen.
      this.open.level = worse(this.open.level, line.level ?? (line.text.startsWith("Traceback") ? "error" : null));
      return undefined;
    }
    const done = this.flush();
    this.open = { ts: line.ts, text: line.text, level: line.level };
    return done;
  }

  /** Ends the message in progress (stream ended, or no continuation arrived in time). */
  flush(): LogMessage | undefined {
    const done = this.open;
    this.open = undefined;
    if (done) done.text = done.text.replace(/\n+$/, "");
    return done;
  }

  get pending(): boolean {
    return this.open !== undefined;
  }
}
