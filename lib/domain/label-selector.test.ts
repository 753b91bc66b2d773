import { describe, expect, it } from "vitest";
import { selects } from "./label-selector.ts";

describe("label selectors", () => {
  const labels = { app: "checkout", tier: "backend" };
  it("needs every matchLabels pair and every expression to hold", () => {
    expect(selects({ matchLabels: { app: "checkout" } }, labels)).toBe(true);
    expect(selects({ matchLabels: { app: "checkout", tier: "frontend" } }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: "tier", operator: "In", values: ["backend", "db"] }] }, labels)).toBe(true);
    expect(selects({ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["backend"] }] }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: "canary", operator: "DoesNotExist" }, { key: "app", operator: "Exists" }] }, labels)).toBe(true);
  });
  it("an empty selector selects every pod, a missing one none", () => {
    expect(selects({}, labels)).toBe(true);
    expect(selects(undefined, labels)).toBe(false);
  });
});
