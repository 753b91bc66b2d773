import { describe, expect, it } from "vitest";
import {
  INCIDENT_STATUSES, nextStatuses, ownerProblem, planAcknowledge, planTransition, responseOptions, suggestedPublicStatus, timestampProblems,
  type LifecycleState,
} from "./incident-lifecycle.ts";

const MIN = 60_000;
const started = Date.UTC(2026, 10, 25, 10, 0);
const now = started + 60 * MIN;
const open: LifecycleState = { status: "triage", severity: "sev3", owner: null, startedAt: started, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null };

describe("incident lifecycle transitions", () => {
  it("the first responder moving a page out of triage acknowledges it", () => {
    const d = planTransition(open, "investigating", started + 4 * MIN, now);
    expect(d).toEqual({ ok: true, value: { acknowledgedAt: started + 4 * MIN } });
  });

  it("mitigating stamps the mitigation time and keeps an earlier acknowledgement", () => {
    const investigating = { ...open, status: "investigating" as const, acknowledgedAt: started + 4 * MIN };
    expect(planTransition(investigating, "mitigated", started + 20 * MIN, now)).toEqual({ ok: true, value: { mitigatedAt: started + 20 * MIN } });
  });

  it("a mitigation that does not hold goes back to investigating and loses its mitigation time", () => {
    const mitigated = { ...open, status: "mitigated" as const, acknowledgedAt: started + 4 * MIN, mitigatedAt: started + 20 * MIN };
    expect(planTransition(mitigated, "investigating", started + 30 * MIN, now)).toEqual({ ok: true, value: { mitigatedAt: null } });
  });

  it("an outage that comes back after resolution is reopened, not resolved twice", () => {
    const resolved = { ...open, status: "resolved" as const, acknowledgedAt: started + 4 * MIN, resolvedAt: started + 20 * MIN };
    expect(planTransition(resolved, "investigating", started + 40 * MIN, now)).toEqual({ ok: true, value: { resolvedAt: null } });
  });

  it("an incident resolved from triage in one step counts as acknowledged when it was resolved", () => {
    expect(planTransition(open, "resolved", started + 9 * MIN, now)).toEqual({ ok: true, value: { acknowledgedAt: started + 9 * MIN, resolvedAt: started + 9 * MIN } });
  });

  it("a false alarm is cancelled without pretending anyone acknowledged an outage", () => {
    expect(planTransition(open, "cancelled", now, now)).toEqual({ ok: true, value: {} });
  });

  it("closing needs a resolution first, and closed is final", () => {
    const refused = planTransition(open, "closed", now, now);
    expect(refused).toMatchObject({ ok: false, conflict: true, error: "An incident cannot go from triage to closed: it can move to investigating, mitigated, resolved, cancelled" });
    expect(nextStatuses("closed")).toEqual([]);
    expect(planTransition({ ...open, status: "closed" }, "investigating", now, now)).toMatchObject({ ok: false, error: expect.stringContaining("closed is final") });
  });

  it("a resolution cannot come before the mitigation, and the error names the time to use", () => {
    const mitigated = { ...open, status: "mitigated" as const, acknowledgedAt: started + 4 * MIN, mitigatedAt: started + 20 * MIN };
    const d = planTransition(mitigated, "resolved", started + 15 * MIN, now);
    expect(d).toEqual({
      ok: false,
      conflict: false,
      error: "resolved time 2026-11-25T10:15:00Z is before mitigated (2026-11-25T10:20:00Z); set it to 2026-11-25T10:20:00Z or later",
    });
  });
});

describe("what the respond controls offer", () => {
  it("offers every move the lifecycle accepts and none it refuses, from every status", () => {
    for (const status of INCIDENT_STATUSES) {
      const state = { ...open, status, acknowledgedAt: started + MIN };
      const offered = responseOptions(state).transitions;
      for (const to of INCIDENT_STATUSES) {
        expect(planTransition(state, to, now, now).ok, `${status} → ${to}`).toBe(offered.includes(to));
      }
    }
  });

  it("offers Acknowledge only to an open incident nobody has acknowledged yet", () => {
    for (const status of INCIDENT_STATUSES) {
      const state = { ...open, status };
      expect(responseOptions(state).acknowledge, status).toBe(planAcknowledge(state, now, now).ok);
    }
    expect(responseOptions({ ...open, acknowledgedAt: started + MIN }).acknowledge).toBe(false);
    expect(responseOptions({ ...open, status: "resolved" }).acknowledge).toBe(false);
  });
});

describe("incident timestamps", () => {
  it("accepts started ≤ acknowledged ≤ mitigated ≤ resolved up to the cluster's now", () => {
    expect(timestampProblems({ startedAt: started, acknowledgedAt: started + MIN, mitigatedAt: started + 2 * MIN, resolvedAt: now }, now)).toEqual([]);
  });

  it("refuses an acknowledgement before the impact started", () => {
    expect(timestampProblems({ startedAt: started, acknowledgedAt: started - MIN, mitigatedAt: null, resolvedAt: null }, now)).toEqual([
      "acknowledged time 2026-11-25T09:59:00Z is before started (2026-11-25T10:00:00Z); set it to 2026-11-25T10:00:00Z or later",
    ]);
  });

  it("refuses a time in the future of the cluster's clock", () => {
    expect(timestampProblems({ ...open, mitigatedAt: now + MIN }, now)).toEqual([
      "mitigated time 2026-11-25T11:01:00Z is after the cluster's current time 2026-11-25T11:00:00Z; use 2026-11-25T11:00:00Z or earlier",
    ]);
  });

  it("skips a missing mitigation when ordering acknowledgement and resolution", () => {
    expect(timestampProblems({ ...open, acknowledgedAt: started + 10 * MIN, resolvedAt: started + 5 * MIN }, now)).toEqual([
      "resolved time 2026-11-25T10:05:00Z is before acknowledged (2026-11-25T10:10:00Z); set it to 2026-11-25T10:10:00Z or later",
    ]);
  });
});

describe("explicit acknowledgement", () => {
  it("stamps the time once while the incident is open", () => {
    expect(planAcknowledge(open, started + 3 * MIN, now)).toEqual({ ok: true, value: { acknowledgedAt: started + 3 * MIN } });
    expect(planAcknowledge({ ...open, acknowledgedAt: started + 3 * MIN }, now, now)).toMatchObject({ ok: false, conflict: true, error: "The incident was already acknowledged at 2026-11-25T10:03:00Z" });
  });

  it("does not acknowledge an incident that already resolved on its own", () => {
    expect(planAcknowledge({ ...open, status: "resolved", resolvedAt: started + 5 * MIN }, now, now)).toMatchObject({ ok: false, error: "A resolved incident cannot be acknowledged" });
  });
});

describe("public status wording and owners", () => {
  it("a mitigated incident reads as monitoring to the outside, an open one as investigating", () => {
    expect(suggestedPublicStatus("triage")).toBe("investigating");
    expect(suggestedPublicStatus("mitigated")).toBe("monitoring");
    expect(suggestedPublicStatus("closed")).toBe("resolved");
  });

  it.each(["@ana", "payments-oncall", "team/checkout", "sre.emea_2"])("accepts the handle %s", (owner) => {
    expect(ownerProblem(owner)).toBeNull();
  });

  it.each([["two words", "ana and bo"], ["markup", "<b>ana</b>"], ["a bare @", "@"], ["65 characters", "a".repeat(65)]])("refuses %s as an owner", (_what, owner) => {
    expect(ownerProblem(owner)).not.toBeNull();
  });
});
