import { describe, expect, it } from "vitest";
import { observedAt } from "./observed-at.ts";

const fallback = new Date("2026-01-01T00:00:00Z");

describe("when an object reached its current state", () => {
  it("is the newest managed-fields write, whatever the worker's clock says", () => {
    const obj = { metadata: { managedFields: [{ time: "2025-03-01T10:00:00Z" }, { time: "2025-03-01T10:05:00Z" }, { time: "2025-03-01T09:00:00Z" }] } };
    expect(observedAt(obj, fallback)).toEqual(new Date("2025-03-01T10:05:00Z"));
  });
  it("considers extra clues such as condition transitions", () => {
    const obj = { metadata: { managedFields: [{ time: "2025-03-01T10:00:00Z" }] } };
    expect(observedAt(obj, fallback, ["2025-03-01T10:07:00Z", undefined, "garbage"])).toEqual(new Date("2025-03-01T10:07:00Z"));
  });
  it("falls back to the cluster time the caller knows when the object has no stamps", () => {
    expect(observedAt({ metadata: {} }, fallback)).toBe(fallback);
    expect(observedAt(null, fallback)).toBe(fallback);
    expect(observedAt({ metadata: { managedFields: "nope" } }, fallback)).toBe(fallback);
  });
});
