"use client";

import { useState, type FormEvent } from "react";
import type { IncidentDetail } from "@/lib/views/incident.ts";
import { INCIDENT_STATUSES, PUBLIC_STATUSES, SEVERITIES, responseOptions, suggestedPublicStatus } from "@/lib/domain/incident-lifecycle.ts";
import type { IncidentAction } from "@/lib/domain/incident-actions.ts";
import { parseUtcTimeInput } from "@/lib/domain/utc-time-input.ts";
import { formatUtc } from "../format.ts";
import c from "../ui/controls.module.css";
import { Panel } from "../ui/panel.tsx";
import r from "./respond.module.css";
import { useIncidentAction } from "./use-incident-action.ts";

type Incident = IncidentDetail["incident"];

const VERBS: Record<string, string> = {
  investigating: "Investigate", mitigated: "Mark mitigated", resolved: "Resolve", closed: "Close", cancelled: "Cancel (not an outage)",
};

// The page holds plain strings; these read them back as the lifecycle's own values.
const pick = <T extends string>(options: readonly T[], value: string, fallback: T): T => options.find((o) => o === value) ?? fallback;

const submit = (run: () => void) => (e: FormEvent) => {
  e.preventDefault();
  run();
};

// What a responder changes: status (with an optional back-dated UTC time), severity with a reason, owner,
// and notes or status updates. Only the moves the lifecycle allows from the current status are offered
// (lib/domain/incident-lifecycle.ts decides); every change is a timeline entry; errors are the server's words.
export function LifecycleControls({ incident, asOf }: { incident: Incident; asOf: string }) {
  const mutation = useIncidentAction(incident.id);
  const status = INCIDENT_STATUSES.find((st) => st === incident.status);
  const options = status ? responseOptions({ status, acknowledgedAt: incident.acknowledgedAt === null ? null : Date.parse(incident.acknowledgedAt) }) : null;
  const [at, setAt] = useState("");
  const [atError, setAtError] = useState<string | null>(null);
  const [severity, setSeverity] = useState(pick(SEVERITIES, incident.severity, "sev3"));
  const [reason, setReason] = useState("");
  const [owner, setOwner] = useState(incident.owner ?? "");
  const [kind, setKind] = useState<"note" | "status-update">("note");
  const [publicStatus, setPublicStatus] = useState(suggestedPublicStatus(status ?? "triage"));
  const [text, setText] = useState("");
  const busy = mutation.isPending;
  const act = (action: IncidentAction, done?: () => void) => mutation.mutate(action, { onSuccess: done });
  // A typed time is checked before anything is sent: a wrong one never becomes a wrong MTTA.
  const actAt = (build: (at: string | undefined) => IncidentAction) => {
    const parsed = parseUtcTimeInput(at);
    if (!parsed.ok) return setAtError(parsed.error);
    setAtError(null);
    act(build(parsed.iso ?? undefined), () => setAt(""));
  };
  const moves = options ? options.acknowledge || options.transitions.length > 0 : false;

  return (
    <Panel title="Respond" aside="each change is recorded on the timeline with your name">
      <div className={r.status} role="group" aria-label="status">
        {moves ? (
          <>
            <div className={r.row}>
              <label htmlFor="lifecycle-at">when (UTC)</label>
              <input id="lifecycle-at" className={c.field} value={at} placeholder="now" autoComplete="off" spellCheck={false}
                aria-invalid={atError ? true : undefined} aria-describedby={atError ? "lifecycle-at-hint lifecycle-at-error" : "lifecycle-at-hint"}
                onChange={(e) => { setAt(e.target.value); setAtError(null); }} />
            </div>
            <span id="lifecycle-at-hint" className={r.hint}>
              blank: now on the cluster clock ({formatUtc(asOf)}); to back-date, write e.g. 2026-12-06 09:42
            </span>
            <div className={r.row}>
              {options?.acknowledge ? (
                <button type="button" className={c.action} disabled={busy} onClick={() => actAt((t) => ({ type: "acknowledge", at: t }))}>Acknowledge</button>
              ) : null}
              {options?.transitions.map((to) => (
                <button key={to} type="button" className={c.action} disabled={busy} data-to={to} onClick={() => actAt((t) => ({ type: "transition", to, at: t }))}>
                  {VERBS[to] ?? to}
                </button>
              ))}
            </div>
            {atError ? <p id="lifecycle-at-error" className={c.error} role="alert">{atError}</p> : null}
          </>
        ) : (
          <p className={r.hint}>The incident is {incident.status}: that is final, so there is no status to move to. Notes can still be added.</p>
        )}
      </div>
      <div className={c.controls}>
        <form aria-label="severity" onSubmit={submit(() => act({ type: "severity", severity, reason }, () => setReason("")))}>
          <label htmlFor="severity">severity ({incident.severitySource === "person" ? "set by a responder" : "set by the detector"})</label>
          <select id="severity" className={c.field} value={severity} onChange={(e) => setSeverity(pick(SEVERITIES, e.target.value, severity))}>
            {SEVERITIES.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
          <input aria-label="reason for the severity" className={`${c.field} ${c.wide}`} placeholder="reason (e.g. every checkout fails)" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className={c.action} disabled={busy}>Change</button>
        </form>
        <form aria-label="owner" onSubmit={submit(() => act({ type: "owner", owner: owner.trim() || null }))}>
          <label htmlFor="owner">owner (team or person handle)</label>
          <input id="owner" className={`${c.field} ${c.wide}`} placeholder="@payments-oncall" value={owner} onChange={(e) => setOwner(e.target.value)} />
          <button type="submit" className={c.action} disabled={busy}>Save</button>
        </form>
        <form aria-label="note" onSubmit={submit(() => act(kind === "note" ? { type: "note", text } : { type: "status-update", publicStatus, text }, () => setText("")))}>
          <label htmlFor="note-text">note or status update</label>
          <select aria-label="entry kind" className={c.field} value={kind} onChange={(e) => setKind(e.target.value === "note" ? "note" : "status-update")}>
            <option value="note">note</option>
            <option value="status-update">status update</option>
          </select>
          {kind === "status-update" ? (
            <select aria-label="public status" className={c.field} value={publicStatus} onChange={(e) => setPublicStatus(pick(PUBLIC_STATUSES, e.target.value, publicStatus))}>
              {PUBLIC_STATUSES.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          ) : null}
          <textarea id="note-text" className={`${c.field} ${c.wide}`} rows={2} placeholder="what the system is doing, what was tried, what is next" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className={c.action} disabled={busy}>Post</button>
        </form>
      </div>
      {mutation.error ? <p className={c.error} role="alert">{mutation.error.message}</p> : null}
    </Panel>
  );
}
