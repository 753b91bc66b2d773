import type { ChangeDetail as ChangeFact, EventDetail as EventFact, LogDetail as LogFact, PersonDetail as PersonFact, TimelineItem } from "@/lib/domain/timeline-entry.ts";
import { formatUtcSeconds } from "../format.ts";
import s from "../ui/styles.module.css";
import { changedFields } from "./change-diff.ts";
import t from "./timeline.module.css";

function ChangeDetail({ detail }: { detail: ChangeFact }) {
  const fields = changedFields(detail.before ?? {}, detail.after ?? {});
  return (
    <div className={s.small}>
      {detail.revision ? <div className={s.muted}>revision {detail.revision}</div> : null}
      {fields.length === 0 ? (
        <div className={s.muted}>No field-level difference was recorded.</div>
      ) : (
        <div className={`${t.diff} ${s.mono}`} role="table" aria-label="Changed fields">
          {fields.map((f) => (
            <div key={f.field} role="row" style={{ display: "contents" }}>
              <span role="cell" className={s.muted}>{f.field}</span>
              <span role="cell" className={s.before}>{f.before}</span>
              <span role="cell" className={s.muted}>→</span>
              <span role="cell" className={s.after}>{f.after}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

// The object comes first: which pod or node the event was about is what a responder looks for.
function EventDetail({ detail }: { detail: EventFact }) {
  return (
    <div className={`${s.small} ${s.muted}`} data-testid="event-detail">
      {[detail.object, detail.type].filter(Boolean).join(" · ")}
      {detail.count > 1 ? ` · seen ${detail.count}×` : ""}
    </div>
  );
}

function LogDetail({ detail }: { detail: LogFact }) {
  return <div className={`${s.small} ${s.muted}`}>{[detail.pod, detail.container, detail.level].filter(Boolean).join(" · ")}</div>;
}

// What a responder wrote or did, with who recorded it: the entry is about the system, the name is
// there so readers know whom to ask.
function PersonDetail({ detail }: { detail: PersonFact }) {
  return (
    <div className={s.small}>
      {detail.message ? <div style={{ whiteSpace: "pre-wrap" }}>{detail.message}</div> : null}
      {detail.author ? <span className={s.muted}>recorded by {detail.author}</span> : null}
    </div>
  );
}

export function EntryDetail({ entry }: { entry: TimelineItem }) {
  switch (entry.kind) {
    case "change":
      return <ChangeDetail detail={entry.detail} />;
    case "event":
      return <EventDetail detail={entry.detail} />;
    case "log":
      return <LogDetail detail={entry.detail} />;
    case "note":
    case "status-update":
    case "lifecycle":
      return <PersonDetail detail={entry.detail} />;
    case "guardrail":
      return <div className={`${s.small} ${s.muted}`}>{entry.detail.check} · {entry.detail.severity}</div>;
    case "occurrence":
      return entry.detail.endedAt ? <div className={`${s.small} ${s.muted}`}>recovered {formatUtcSeconds(entry.detail.endedAt)}</div> : null;
    case "alert":
      return (
        <div className={`${s.small} ${s.muted}`}>
          {entry.detail.severity ? `severity ${entry.detail.severity}` : "no severity label"}
          {entry.detail.generatorUrl ? (
            <>
              {" · "}
              <a href={entry.detail.generatorUrl} target="_blank" rel="noopener noreferrer">the expression that fired</a>
            </>
          ) : null}
        </div>
      );
    case "slo":
    case "status":
    case "other":
      return null;
  }
}
