import { describe, expect, it } from "vitest";
import { incidentActionSchema, planIncidentAction } from "./incident-actions.ts";
import type { LifecycleState } from "./incident-lifecycle.ts";

const MIN = 60_000;
const started = Date.UTC(2026, 10, 25, 10, 0);
const now = started + 30 * MIN;
const state: LifecycleState = { status: "triage", severity: "sev3", owner: null, startedAt: started, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null };
const ana = { name: "Ana", email: "ana@example.com" };

describe("what a responder's action writes", () => {
  it("moving to investigating without a time happens at the cluster's now and is on the timeline with its author", () => {
    const d = planIncidentAction(state, { type: "transition", to: "investigating" }, ana, now);
    expect(d).toMatchObject({
      ok: true,
      value: { status: "investigating", times: { acknowledgedAt: now }, entry: { ts: now, kind: "lifecycle", detail: { author: "Ana", from: "triage", to: "investigating" } } },
    });
  });

  it("a back-dated mitigation keeps the time the responder gave", () => {
    const d = planIncidentAction({ ...state, status: "investigating", acknowledgedAt: started + MIN }, { type: "transition", to: "mitigated", at: "2026-11-25T10:12:00Z" }, ana, now);
    expect(d).toMatchObject({ ok: true, value: { times: { mitigatedAt: Date.UTC(2026, 10, 25, 10, 12) } } });
  });

  it("a back-dated close cannot be dated before the impact started", () => {
    const d = planIncidentAction({ ...state, status: "resolved", resolvedAt: started + MIN }, { type: "transition", to: "closed", at: "2026-11-25T09:00:00Z" }, ana, now);
    expect(d).toEqual({ ok: false, conflict: false, error: "closed time 2026-11-25T09:00:00Z is before started (2026-11-25T10:00:00Z); set it to 2026-11-25T10:00:00Z or later" });
  });

  it("raising the severity records the reason", () => {
    const d = planIncidentAction(state, { type: "severity", severity: "sev1", reason: "checkout is down for every region" }, ana, now);
    expect(d).toMatchObject({ ok: true, value: { severity: "sev1", entry: { title: "Severity sev3 → sev1", detail: { message: "checkout is down for every region" } } } });
  });

  it("refuses an owner that is not one handle, and clears the owner on an empty one", () => {
    expect(planIncidentAction(state, { type: "owner", owner: "ana; drop table" }, ana, now)).toMatchObject({ ok: false, conflict: false });
    expect(planIncidentAction({ ...state, owner: "@ana" }, { type: "owner", owner: "" }, ana, now)).toMatchObject({ ok: true, value: { owner: null, entry: { title: "Owner cleared" } } });
  });

  it("a status update carries its public wording", () => {
    const d = planIncidentAction(state, { type: "status-update", publicStatus: "identified", text: "A bad image tag; rolling back." }, ana, now);
    expect(d).toMatchObject({ ok: true, value: { entry: { kind: "status-update", title: "Status update: identified", detail: { publicStatus: "identified", message: "A bad image tag; rolling back." } } } });
  });
});

describe("what the API accepts", () => {
  it("rejects an empty note and an unknown action with a message saying what is wrong", () => {
    const empty = incidentActionSchema.safeParse({ type: "note", text: "   " });
    expect(empty.success ? "" : empty.error.issues[0]?.message).toBe("A note must not be empty");
    const unknown = incidentActionSchema.safeParse({ type: "escalate" });
    expect(unknown.success ? "" : unknown.error.issues[0]?.message).toMatch(/^type must be one of transition/);
  });

  it("rejects a time that is not ISO 8601", () => {
    const bad = incidentActionSchema.safeParse({ type: "acknowledge", at: "yesterday" });
    expect(bad.success ? "" : bad.error.issues[0]?.message).toMatch(/^at must be an ISO time/);
  });
});
