import { describe, expect, it } from "vitest";
import { mean, percentile } from "./percentile.ts";

describe("percentile (nearest rank)", () => {
  it("reports a value that was actually observed", () => {
    const usage = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(usage, 95)).toBe(95);
    expect(percentile(usage, 50)).toBe(50);
    expect(percentile(usage, 100)).toBe(100);
  });

  it("does not depend on the order samples arrived in", () => {
    expect(percentile([300, 100, 200], 50)).toBe(200);
    expect(percentile([5], 90)).toBe(5);
  });

  it("has no answer without samples instead of inventing zero", () => {
    expect(percentile([], 95)).toBeUndefined();
    expect(mean([])).toBeUndefined();
  });

  it("rejects a percentile outside 0–100", () => {
    expect(() => percentile([1], 120)).toThrow(RangeError);
  });
});
