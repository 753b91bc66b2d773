import { describe, expect, it } from "vitest";
import { createByteBudget } from "./byte-budget.ts";

const t0 = Date.UTC(2026, 10, 25, 10, 0);

describe("the log byte budget", () => {
  it("keeps the first lines of a minute's storm and drops the rest until the next minute", () => {
    const budget = createByteBudget(1000);
    const kept = Array.from({ length: 15 }, (_, i) => budget.take(100, t0 + i * 1000));
    expect(kept.filter(Boolean)).toHaveLength(10);
    expect(kept.slice(0, 10).every(Boolean)).toBe(true);
    expect(budget.take(100, t0 + 59_999)).toBe(false);
    expect(budget.take(100, t0 + 60_000)).toBe(true);
  });

  it("refuses a single message larger than the whole allowance", () => {
    expect(createByteBudget(1000).take(1001, t0)).toBe(false);
  });
});
