import { describe, expect, it } from "vitest";
import { byUrgency, incidentCounts, incidentWindowText, severityCounts } from "./incident-order.ts";

const at = (hour: number) => `2026-11-25T${String(hour).padStart(2, "0")}:00:00.000Z`;
const incident = (id: string, active: boolean, severity: string, startedHour: number) => ({ id, active, severity, startedAt: at(startedHour) });
const ids = (list: ReturnType<typeof incident>[]) => [...list].sort(byUrgency).map((i) => i.id);

describe("incidents in the order someone on call reads them", () => {
  it("puts every open incident before any resolved one, however severe or recent the resolved one", () => {
    const resolvedSev1 = incident("resolved-sev1", false, "sev1", 11);
    const openSev4 = incident("open-sev4", true, "sev4", 2);
    expect(ids([resolvedSev1, openSev4])).toEqual(["open-sev4", "resolved-sev1"]);
  });

  it("lists open incidents most severe first, and among equals the one open longest first", () => {
    const list = [incident("sev3-new", true, "sev3", 10), incident("sev2-new", true, "sev2", 11), incident("sev3-old", true, "sev3", 1), incident("sev2-old", true, "sev2", 3)];
    expect(ids(list)).toEqual(["sev2-old", "sev2-new", "sev3-old", "sev3-new"]);
  });

  it("lists resolved incidents newest first whatever their severity", () => {
    const list = [incident("sev1-early", false, "sev1", 1), incident("sev4-late", false, "sev4", 9), incident("sev2-mid", false, "sev2", 5)];
    expect(ids(list)).toEqual(["sev4-late", "sev2-mid", "sev1-early"]);
  });

  it("puts a severity the lifecycle does not name after sev4, and breaks ties by id so pages never reshuffle", () => {
    const list = [incident("b", true, "critical", 1), incident("a", true, "sev4", 5), incident("d", false, "sev1", 3), incident("c", false, "sev1", 3)];
    expect(ids(list)).toEqual(["a", "b", "c", "d"]);
  });
});

describe("incident counts", () => {
  it("counts open and resolved incidents, and severities in the lifecycle's order with none at zero", () => {
    const list = [incident("1", true, "sev3", 1), incident("2", false, "sev1", 2), incident("3", true, "sev3", 3), incident("4", true, "page", 4)];
    expect(incidentCounts(list)).toEqual({ open: 3, resolved: 1 });
    expect(severityCounts(list)).toEqual([{ severity: "sev1", count: 1 }, { severity: "sev3", count: 2 }, { severity: "page", count: 1 }]);
  });
});

describe("which incidents a heading's counts speak of", () => {
  it("says the last week with no time range, and 'going on' within a chosen one, in UTC", () => {
    expect(incidentWindowText({ kind: "default" })).toBe("in the last 7 days");
    expect(incidentWindowText({ kind: "last", minutes: 360 })).toBe("going on in the last 6h");
    expect(incidentWindowText({ kind: "between", from: "2026-12-06T09:00:00.000Z", to: "2026-12-06T10:30:00.000Z" }))
      .toBe("going on between 2026-12-06 09:00 UTC and 2026-12-06 10:30 UTC");
  });
});
