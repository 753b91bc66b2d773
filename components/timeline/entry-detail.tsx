import type { TimelineItem } from "@/lib/db/queries/types.ts";
import s from "../ui/styles.module.css";
import { asRecord, changedFields } from "./change-diff.ts";

const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

function ChangeDetail({ detail }: { detail: Record<string, unknown> }) {
  const fields = changedFields(detail.before ?? {}, detail.after ?? {});
  const revision = str(detail.revision) ?? (typeof detail.revision === "number" ? String(detail.revision) : null);
  return (
    <div className={s.small}>
      {str(detail.summary) ? <div className={s.muted}>{str(detail.summary)}</div> : null}
      {revision ? <div className={s.muted}>revision {revision}</div> : null}
      {fields.length === 0 ? (
        <div className={s.muted}>No field-level difference was recorded.</div>
      ) : (
        <div className={`${s.diff} ${s.mono}`} role="table" aria-label="Changed fields">
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

function EventDetail({ detail }: { detail: Record<string, unknown> }) {
  const count = typeof detail.count === "number" ? detail.count : 1;
  return (
    <div className={s.small}>
      <span className={s.muted}>
        {[str(detail.type), str(detail.reason), str(detail.object)].filter(Boolean).join(" · ")}
        {count > 1 ? ` · seen ${count}×` : ""}
      </span>
      {str(detail.message) ? <div>{str(detail.message)}</div> : null}
    </div>
  );
}

function LogDetail({ detail }: { detail: Record<string, unknown> }) {
  return (
    <div className={s.small}>
      <span className={s.muted}>{[str(detail.pod), str(detail.container), str(detail.level)].filter(Boolean).join(" · ")}</span>
      {str(detail.message) ? <pre className={`${s.logBlock} ${s.mono}`}>{str(detail.message)}</pre> : null}
    </div>
  );
}

// What a responder wrote or did, with who recorded it: the entry is about the system, the name is
// there so readers know whom to ask.
function PersonDetail({ detail }: { detail: Record<string, unknown> }) {
  return (
    <div className={s.small}>
      {str(detail.message) ? <div style={{ whiteSpace: "pre-wrap" }}>{str(detail.message)}</div> : null}
      {str(detail.author) ? <span className={s.muted}>recorded by {str(detail.author)}</span> : null}
    </div>
  );
}

const PERSON_KINDS = new Set(["note", "status-update", "lifecycle"]);

export function EntryDetail({ entry }: { entry: TimelineItem }) {
  const detail = asRecord(entry.detail);
  if (entry.kind === "change") return <ChangeDetail detail={detail} />;
  if (entry.kind === "event") return <EventDetail detail={detail} />;
  if (entry.kind === "log") return <LogDetail detail={detail} />;
  if (PERSON_KINDS.has(entry.kind)) return <PersonDetail detail={detail} />;
  const message = str(detail.message) ?? str(detail.text);
  return message ? <div className={`${s.small} ${s.muted}`}>{message}</div> : null;
}
