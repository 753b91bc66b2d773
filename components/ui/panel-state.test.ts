import { describe, expect, it } from "vitest";
import { panelState } from "./panel-state.ts";

const noIncidents = (rows: string[]) => rows.length === 0;
const EMPTY = "No open incident.";

describe("a panel's state", () => {
  it("is loading until the first answer arrives", () => {
    expect(panelState({ data: undefined, error: null }, noIncidents, EMPTY)).toEqual({ kind: "loading" });
  });

  it("says why when the first read failed", () => {
    expect(panelState({ data: undefined, error: new Error("the database is unreachable") }, noIncidents, EMPTY))
      .toEqual({ kind: "error", message: "the database is unreachable" });
  });

  it("keeps showing what it has when a later refresh fails", () => {
    expect(panelState({ data: ["checkout crash-looping"], error: new Error("timeout") }, noIncidents, EMPTY)).toEqual({ kind: "ready" });
  });

  it("says there is nothing, in the panel's own words, when the answer is empty", () => {
    expect(panelState({ data: [], error: null }, noIncidents, EMPTY)).toEqual({ kind: "empty", message: EMPTY });
  });
});
