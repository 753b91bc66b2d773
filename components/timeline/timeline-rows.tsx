import type { TimelineRow } from "@/lib/domain/repeated-log-lines.ts";
import s from "../ui/styles.module.css";
import { RepeatedLogRow } from "./repeated-log-row.tsx";
import { TimelineEntry } from "./timeline-entry.tsx";

// The incident timeline as read on its page and on a shared page: every entry in full, repeated log
// lines folded into one row each (lib/domain/repeated-log-lines.ts).
export function TimelineRows({ rows }: { rows: readonly TimelineRow[] }) {
  return (
    <ol className={s.timeline} aria-label="Timeline">
      {rows.map((row) =>
        row.kind === "entry" ? <TimelineEntry key={row.entry.id} entry={row.entry} full /> : <RepeatedLogRow key={row.lines[0].id} row={row} />,
      )}
    </ol>
  );
}
