"use client";

import type { ShareRedaction } from "@/lib/domain/share-redaction.ts";
import s from "../ui/styles.module.css";

// Before a link is made: what the external view leaves out, with examples, and what the reader will see.
type Props = { preview: ShareRedaction | undefined; loading: boolean; error: Error | null };

export function RemovalPreview({ preview, loading, error }: Props) {
  if (error) return <p className={s.notice} role="status">The preview could not be made ({error.message}).</p>;
  if (!preview) return <p className={`${s.small} ${s.muted}`}>{loading ? "Working out what the external view removes…" : null}</p>;
  const { removed, incident } = preview;
  return (
    <div className={s.small} data-testid="share-preview">
      {removed.length === 0 ? (
        <p className={s.muted}>
          The external view removes nothing from this incident: it names no pod, node, address, registry or log line.
        </p>
      ) : (
        <>
          <p style={{ margin: "0 0 4px" }}>The external view leaves out:</p>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {removed.map((r) => (
              <li key={r.kind} data-kind={r.kind}>
                <b>{r.count}</b> {r.label}
                <span className={s.muted}>
                  {" "}· e.g. {r.examples.map((e) => `${e.from.split("\n")[0]} → ${e.to}`).join("; ")}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <details style={{ marginTop: 6 }}>
        <summary>What the reader sees</summary>
        <p style={{ margin: "4px 0" }}><b>{incident.incident.title}</b></p>
        {incident.incident.likelyCause ? <p style={{ margin: "4px 0" }}>{incident.incident.likelyCause}</p> : null}
        <ol className={s.mono} style={{ margin: 0, paddingLeft: 18 }}>
          {incident.timeline.slice(-8).map((e) => <li key={e.id}>{e.title}</li>)}
        </ol>
      </details>
    </div>
  );
}
