import { describe, expect, it } from "vitest";
import { incidentTransitions, sloTransitions, type IncidentNotice, type Notified } from "./transitions.ts";

const open = (over: Partial<IncidentNotice> = {}): IncidentNotice => ({ status: "triage", severity: "sev2", acknowledged: false, ...over });
const told = (n: IncidentNotice, seq: number): Notified<IncidentNotice> => ({ ...n, seq });
const kinds = (o: ReturnType<typeof incidentTransitions>) => o.transitions.map((t) => t.kind);

describe("what an incident's change tells the on-call", () => {
  it("a new open incident is told as opened, once: the same state told again is not news", () => {
    const first = incidentTransitions(open(), null);
    expect(first.transitions).toEqual([{ kind: "opened", seq: 1 }]);
    expect(incidentTransitions(open(), first.next)).toEqual({ transitions: [], next: null });
  });

  it("an incident already over when first seen is not paged for", () => {
    expect(incidentTransitions(open({ status: "resolved" }), null)).toEqual({ transitions: [], next: null });
  });

  it("severity rising from sev2 to sev1 is an escalation; falling is recorded but not told", () => {
    const escalated = incidentTransitions(open({ severity: "sev1" }), told(open(), 1));
    expect(escalated.transitions).toEqual([{ kind: "escalated", seq: 2 }]);
    const calmer = incidentTransitions(open({ severity: "sev3" }), told(open(), 1));
    expect(calmer.transitions).toEqual([]);
    expect(calmer.next).toEqual({ ...open({ severity: "sev3" }), seq: 1 });
  });

  it("a responder's acknowledgement is told; resolving, closing or cancelling an open incident is told as resolved", () => {
    expect(kinds(incidentTransitions(open({ status: "investigating", acknowledged: true }), told(open(), 1)))).toEqual(["acknowledged"]);
    for (const status of ["resolved", "closed", "cancelled"]) {
      expect(kinds(incidentTransitions(open({ status }), told(open(), 1)))).toEqual(["resolved"]);
    }
  });

  it("an incident opened and acknowledged between two passes is told both, numbered in order", () => {
    expect(incidentTransitions(open({ acknowledged: true }), null).transitions).toEqual([{ kind: "opened", seq: 1 }, { kind: "acknowledged", seq: 2 }]);
  });

  it("a resolved incident that reopens is opened again with a new number, so its next resolve is told too", () => {
    const reopened = incidentTransitions(open({ status: "investigating", acknowledged: true }), told(open({ status: "resolved", acknowledged: true }), 3));
    expect(reopened.transitions).toEqual([{ kind: "opened", seq: 4 }, { kind: "acknowledged", seq: 5 }]);
    expect(incidentTransitions(open({ status: "resolved", acknowledged: true }), reopened.next).transitions).toEqual([{ kind: "resolved", seq: 6 }]);
  });
});

describe("what an SLO's paging tells", () => {
  it("starting to page and stopping are each told once; an SLO that never paged says nothing", () => {
    expect(sloTransitions({ paging: false }, null)).toEqual({ transitions: [], next: null });
    const paging = sloTransitions({ paging: true }, null);
    expect(paging.transitions).toEqual([{ kind: "slo-paging", seq: 1 }]);
    expect(sloTransitions({ paging: true }, paging.next).transitions).toEqual([]);
    expect(sloTransitions({ paging: false }, paging.next).transitions).toEqual([{ kind: "slo-recovered", seq: 2 }]);
  });
});
