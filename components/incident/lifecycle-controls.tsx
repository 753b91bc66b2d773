"use client";

import { useState, type FormEvent } from "react";
import type { IncidentDetail } from "@/lib/views/incident.ts";
import { INCIDENT_STATUSES, PUBLIC_STATUSES, SEVERITIES, suggestedPublicStatus } from "@/lib/domain/incident-lifecycle.ts";
import type { IncidentAction } from "@/lib/domain/incident-actions.ts";
import c from "../ui/controls.module.css";
import { Panel } from "../ui/panel.tsx";
import { useIncidentAction } from "./use-incident-action.ts";

type Incident = IncidentDetail["incident"];

const VERBS: Record<string, string> = {
  investigating: "Investigate", mitigated: "Mark mitigated", resolved: "Resolve", closed: "Close", cancelled: "Cancel (not an outage)",
};

// datetime-local has no zone; the page shows UTC everywhere, so the value is read as UTC too.
const utcInput = (local: string) => (local ? `${local}:00Z` : undefined);

// The page holds plain strings; these read them back as the lifecycle's own values.
const pick = <T extends string>(options: readonly T[], value: string, fallback: T): T => options.find((o) => o === value) ?? fallback;

const submit = (run: () => void) => (e: FormEvent) => {
  e.preventDefault();
  run();
};

// What a responder changes: status (with an optional back-dated time), severity with a reason, owner,
// and notes or status updates. Every change is a timeline entry; errors are the server's own words.
export function LifecycleControls({ incident }: { incident: Incident }) {
  const mutation = useIncidentAction(incident.id);
  const act = (action: IncidentAction, done?: () => void) => mutation.mutate(action, { onSuccess: done });
  const [at, setAt] = useState("");
  const [severity, setSeverity] = useState(pick(SEVERITIES, incident.severity, "sev3"));
  const [reason, setReason] = useState("");
  const [owner, setOwner] = useState(incident.owner ?? "");
  const [kind, setKind] = useState<"note" | "status-update">("note");
  const [publicStatus, setPublicStatus] = useState(suggestedPublicStatus(pick(INCIDENT_STATUSES, incident.status, "triage")));
  const [text, setText] = useState("");
  const busy = mutation.isPending;
  const canAcknowledge = incident.acknowledgedAt === null && incident.active;

  return (
    <Panel title="Respond" aside="each change is recorded on the timeline with your name">
      <div className={c.controls}>
        <div role="group" aria-label="status">
          <label htmlFor="lifecycle-at">status · at (UTC, optional: now on the cluster clock)</label>
          <input id="lifecycle-at" className={c.field} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
          {canAcknowledge ? (
            <button type="button" className={c.action} disabled={busy} onClick={() => act({ type: "acknowledge", at: utcInput(at) }, () => setAt(""))}>Acknowledge</button>
          ) : null}
          {incident.nextStatuses.map((to) => (
            <button key={to} type="button" className={c.action} disabled={busy} data-to={to}
              onClick={() => act({ type: "transition", to, at: utcInput(at) }, () => setAt(""))}>
              {VERBS[to] ?? to}
            </button>
          ))}
        </div>
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
