import { z } from "zod";
import {
  INCIDENT_STATUSES, PUBLIC_STATUSES, SEVERITIES, ownerProblem, planAcknowledge, planTransition,
  type Decision, type LifecycleState, type TimesPatch,
} from "./incident-lifecycle.ts";

// What a responder can do to an incident from its page, as the API accepts it. Times are optional:
// without one the action happens "now" on the cluster's clock; with one it is back-dated (e.g. the
// mitigation was applied ten minutes before anyone wrote it down).
const at = z.iso.datetime({ offset: true, error: "at must be an ISO time such as 2026-11-25T10:32:00Z" }).optional();
const text = (what: string, max: number) =>
  z.string().trim().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`);

export const incidentActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("transition"), to: z.enum(INCIDENT_STATUSES), at }),
  z.object({ type: z.literal("acknowledge"), at }),
  z.object({ type: z.literal("severity"), severity: z.enum(SEVERITIES), reason: text("The reason for a severity change", 500) }),
  z.object({ type: z.literal("owner"), owner: z.string().trim().max(200).nullable() }),
  z.object({ type: z.literal("note"), text: text("A note", 4000) }),
  z.object({ type: z.literal("status-update"), publicStatus: z.enum(PUBLIC_STATUSES), text: text("A status update", 4000) }),
], { error: "type must be one of transition, acknowledge, severity, owner, note, status-update" });

export type IncidentAction = z.infer<typeof incidentActionSchema>;

export type Author = { name: string; email: string };

export type IncidentWrite = {
  status?: LifecycleState["status"];
  severity?: string;
  owner?: string | null;
  times: TimesPatch;
  /** The timeline entry every action leaves, so the postmortem can retell it. */
  entry: { ts: number; kind: "note" | "status-update" | "lifecycle"; title: string; detail: Record<string, unknown> };
  audit: { action: string; detail: Record<string, unknown> };
};

const TRANSITION_TITLES: Record<string, string> = {
  investigating: "Moved to investigating",
  mitigated: "Impact mitigated",
  resolved: "Marked resolved",
  closed: "Closed",
  cancelled: "Cancelled: not an outage",
};

function write(decision: Decision<TimesPatch>, build: (times: TimesPatch) => IncidentWrite): Decision<IncidentWrite> {
  return decision.ok ? { ok: true, value: build(decision.value) } : decision;
}

// One action → the row changes, timeline entry and audit line to store, or the reason it is refused
// (conflict: the incident's state forbids it; otherwise the input itself needs fixing).
export function planIncidentAction(state: LifecycleState, action: IncidentAction, author: Author, clusterNow: number): Decision<IncidentWrite> {
  const ts = action.type === "transition" || action.type === "acknowledge" ? (action.at ? Date.parse(action.at) : clusterNow) : clusterNow;
  const by = { author: author.name, authorEmail: author.email };
  switch (action.type) {
    case "transition":
      return write(planTransition(state, action.to, ts, clusterNow), (times) => ({
        status: action.to,
        times,
        entry: { ts, kind: "lifecycle", title: TRANSITION_TITLES[action.to] ?? `Moved to ${action.to}`, detail: { ...by, from: state.status, to: action.to } },
        audit: { action: "incident.status", detail: { from: state.status, to: action.to, ...times } },
      }));
    case "acknowledge":
      return write(planAcknowledge(state, ts, clusterNow), (times) => ({
        times,
        entry: { ts, kind: "lifecycle", title: "Acknowledged", detail: by },
        audit: { action: "incident.acknowledge", detail: { at: ts } },
      }));
    case "severity":
      if (action.severity === state.severity) return { ok: false, conflict: true, error: `The incident is already ${action.severity}` };
      return {
        ok: true,
        value: {
          severity: action.severity,
          times: {},
          entry: { ts, kind: "lifecycle", title: `Severity ${state.severity} → ${action.severity}`, detail: { ...by, message: action.reason } },
          audit: { action: "incident.severity", detail: { from: state.severity, to: action.severity, reason: action.reason } },
        },
      };
    case "owner": {
      const owner = action.owner === "" ? null : action.owner;
      const problem = owner === null ? null : ownerProblem(owner);
      if (problem) return { ok: false, conflict: false, error: problem };
      return {
        ok: true,
        value: {
          owner,
          times: {},
          entry: { ts, kind: "lifecycle", title: owner ? `Owner set to ${owner}` : "Owner cleared", detail: by },
          audit: { action: "incident.owner", detail: { from: state.owner, to: owner } },
        },
      };
    }
    case "note":
      return { ok: true, value: { times: {}, entry: { ts, kind: "note", title: "Note", detail: { ...by, message: action.text } }, audit: { action: "incident.note", detail: {} } } };
    case "status-update":
      return {
        ok: true,
        value: {
          times: {},
          entry: { ts, kind: "status-update", title: `Status update: ${action.publicStatus}`, detail: { ...by, publicStatus: action.publicStatus, message: action.text } },
          audit: { action: "incident.status-update", detail: { publicStatus: action.publicStatus } },
        },
      };
  }
}
