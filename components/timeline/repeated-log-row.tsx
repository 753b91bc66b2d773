import type { TimelineRow } from "@/lib/domain/repeated-log-lines.ts";
import { formatClock, formatUtc, formatUtcSeconds } from "../format.ts";
import s from "../ui/styles.module.css";
import t from "./timeline.module.css";

type Repeated = Extract<TimelineRow, { kind: "repeated" }>;

const firstLine = (text: string) => text.split("\n", 1)[0];

// A run of log lines saying the same thing, told once: how many, from when to when, which container and
// pods. It opens (a <details>, so it works without script and on a shared page that has no buttons) to
// every line as it was written.
export function RepeatedLogRow({ row }: { row: Repeated }) {
  const pods = row.pods.length === 1 ? row.pods[0] : `${row.pods.length} pods`;
  const where = [row.container, row.pods.length ? pods : null].filter(Boolean).join(" · ");
  return (
    <li className={`${s.entry} ${s.entryFull}`} data-testid="timeline-entry" data-kind="log" data-repeated={row.lines.length}>
      <time dateTime={row.first} className={`${s.muted} ${s.num}`} title={formatUtc(row.first)}>{formatUtcSeconds(row.first)}</time>
      <span className={s.kind} data-kind="log">log</span>
      <details className={t.run} data-testid="repeated-log">
        <summary>
          <span className={t.repeat} aria-label={`${row.lines.length} times`}>× {row.lines.length}</span>
          <span className={t.message}>{firstLine(row.lines[0].title)}</span>
          <div className={`${s.small} ${s.muted}`}>
            first {formatClock(row.first)} · last {formatClock(row.last)}{where ? ` · ${where}` : ""}
          </div>
        </summary>
        <ol className={t.lines} aria-label={`${row.lines.length} repeated log lines`}>
          {row.lines.map((line) => (
            <li key={line.id} className={t.line} data-testid="repeated-log-line">
              <time dateTime={line.ts} className={`${s.muted} ${s.num}`}>{formatClock(line.ts)}</time>
              <div>
                <pre className={t.lineText}>{line.title}</pre>
                <span className={`${s.small} ${s.muted}`}>{[line.detail.pod, line.detail.level].filter(Boolean).join(" · ")}</span>
              </div>
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}
