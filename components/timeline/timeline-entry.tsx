import type { TimelineItem } from "@/lib/domain/timeline-entry.ts";
import { formatClock, formatUtc, formatUtcSeconds } from "../format.ts";
import s from "../ui/styles.module.css";
import { EntryDetail } from "./entry-detail.tsx";

const KIND_LABEL: Record<Exclude<TimelineItem["kind"], "other">, string> = {
  change: "change", guardrail: "guardrail", occurrence: "recurred", slo: "SLO", alert: "alert", event: "event", log: "log", status: "status", note: "note", "status-update": "update", lifecycle: "response",
};
const labelOf = (entry: TimelineItem) => (entry.kind === "other" ? entry.storedKind : KIND_LABEL[entry.kind]);

// Compact rows for the cockpit's incident cards; the incident page passes `full` for the details.
export function TimelineEntry({ entry, full = false }: { entry: TimelineItem; full?: boolean }) {
  return (
    <li className={full ? `${s.entry} ${s.entryFull}` : s.entry} data-testid="timeline-entry" data-kind={entry.kind}>
      <time dateTime={entry.ts} className={`${s.muted} ${s.num}`} title={formatUtc(entry.ts)}>
        {full ? formatUtcSeconds(entry.ts) : formatClock(entry.ts)}
      </time>
      <span className={s.kind} data-kind={entry.kind}>{labelOf(entry)}</span>
      <div style={{ minWidth: 0 }}>
        <div className={full ? undefined : s.ellipsis} title={entry.title}>{entry.title}</div>
        {full ? <EntryDetail entry={entry} /> : null}
      </div>
    </li>
  );
}

export function Timeline({ entries, full = false }: { entries: TimelineItem[]; full?: boolean }) {
  return (
    <ol className={s.timeline} aria-label="Timeline">
      {entries.map((e) => <TimelineEntry key={e.id} entry={e} full={full} />)}
    </ol>
  );
}
