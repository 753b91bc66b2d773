"use client";

import { useState, type FormEvent } from "react";
import { DEFAULT_SHARE_DAYS, MAX_SHARE_DAYS } from "@/lib/domain/share-links.ts";
import type { ShareView } from "@/lib/domain/shared-incident.ts";
import { formatUtc } from "../format.ts";
import c from "../ui/controls.module.css";
import s from "../ui/styles.module.css";
import { RemovalPreview } from "./removal-preview.tsx";
import { useCreateShareLink, useSharePreview } from "./use-share-links.ts";

const ROW = { display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", fontSize: 13 } as const;
const VIEW_HINT: Record<ShareView, string> = { external: "names, addresses, logs removed", internal: "as a viewer sees it" };

// A responder picks how the incident is shown and for how long, sees what the external view removes,
// and gets the link once: Uptrust keeps only its hash.
export function CreateShareLink({ incidentId }: { incidentId: string }) {
  const [view, setView] = useState<ShareView>("external");
  const [days, setDays] = useState(String(DEFAULT_SHARE_DAYS));
  const [copied, setCopied] = useState(false);
  const preview = useSharePreview(incidentId, view === "external");
  const create = useCreateShareLink(incidentId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    create.mutate({ view, days: Number(days) });
  };
  const copy = async (url: string) => {
    await navigator.clipboard.writeText(url);
    setCopied(true);
  };
  return (
    <div style={{ display: "grid", gap: 8, marginBottom: 12 }}>
      <form aria-label="create share link" onSubmit={submit} style={ROW}>
        <fieldset style={{ border: 0, padding: 0, margin: 0, display: "flex", gap: 12 }}>
          <legend className={`${s.small} ${s.muted}`} style={{ float: "left", marginRight: 8 }}>view</legend>
          {(["external", "internal"] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="share-view" checked={view === v} onChange={() => setView(v)} /> {v} ({VIEW_HINT[v]})
            </label>
          ))}
        </fieldset>
        <label className={`${s.small} ${s.muted}`}>
          expires in{" "}
          <input className={c.field} type="number" min={1} max={MAX_SHARE_DAYS} step={1} value={days} style={{ width: 60 }}
            onChange={(e) => setDays(e.target.value)} aria-label="days until the link expires" />{" "}
          days (at most {MAX_SHARE_DAYS})
        </label>
        <button type="submit" className={c.action} disabled={create.isPending}>Create link</button>
      </form>
      {view === "external" ? <RemovalPreview preview={preview.data} loading={preview.isFetching} error={preview.error} /> : null}
      {create.error ? <p className={c.error} role="alert">{create.error.message}</p> : null}
      {create.data ? (
        <div className={s.notice} style={{ color: "var(--text)" }} data-testid="share-created">
          <div className={s.small}>
            Copy this link now: Uptrust keeps only a hash of it and cannot show it again. It expires {formatUtc(create.data.expiresAt)}.
          </div>
          <div style={{ display: "flex", gap: 6, marginTop: 6 }}>
            <input className={`${c.field} ${c.wide} ${s.mono}`} readOnly value={create.data.url} aria-label="share link"
              onFocus={(e) => e.target.select()} />
            <button type="button" className={c.action} onClick={() => copy(create.data.url)}>{copied ? "Copied" : "Copy"}</button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
