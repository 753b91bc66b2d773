import { describe, expect, it } from "vitest";
import { groupCounts, isShown, parseShownGroups, toggleGroup } from "./timeline-filter.ts";
import type { TimelineKind } from "./timeline-entry.ts";

const kinds = (...k: TimelineKind[]) => k.map((kind) => ({ kind }));

describe("timeline filter", () => {
  it("counts entries per kind as responders name them, a person's notes, updates and moves together as response", () => {
    const counts = groupCounts(kinds("log", "change", "log", "note", "lifecycle", "status-update", "event"));
    expect(counts).toEqual([
      { group: "changes", count: 1 },
      { group: "events", count: 1 },
      { group: "logs", count: 2 },
      { group: "response", count: 3 },
    ]);
  });

  it("shows everything until a responder picks kinds, then only those", () => {
    expect(isShown("log", [])).toBe(true);
    expect(isShown("log", ["changes"])).toBe(false);
    expect(isShown("change", ["changes"])).toBe(true);
    expect(isShown("note", ["response"])).toBe(true);
  });

  it("reads the URL's kinds in the filter's order and says which values name no kind", () => {
    expect(parseShownGroups(["logs", "changes", "logs"])).toEqual({ groups: ["changes", "logs"], problems: [] });
    const { groups, problems } = parseShownGroups(["changes", "metrics"]);
    expect(groups).toEqual(["changes"]);
    expect(problems).toEqual([expect.stringMatching(/^"metrics" is not a kind of timeline entry; use changes, .*logs/)]);
  });

  it("picking changes on an unfiltered timeline shows changes only; picking every kind present is no filter at all", () => {
    const present = ["changes", "events", "logs"] as const;
    expect(toggleGroup([], "changes", present)).toEqual(["changes"]);
    expect(toggleGroup(["changes"], "logs", present)).toEqual(["changes", "logs"]);
    expect(toggleGroup(["changes", "logs"], "events", present)).toEqual([]);
    expect(toggleGroup(["changes", "logs"], "changes", present)).toEqual(["logs"]);
    expect(toggleGroup(["logs"], "logs", present)).toEqual([]);
  });
});
