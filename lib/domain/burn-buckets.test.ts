import { describe, expect, it } from "vitest";
import { burnBucketHours, MAX_BURN_BUCKETS } from "./burn-buckets.ts";
import { DAY_MS, HOUR_MS } from "./slo.ts";

describe("burn chart buckets", () => {
  it("shows hours for a day or two: 24 hourly points by default, 48 over two days", () => {
    expect(burnBucketHours(15 * 60_000)).toBe(1);
    expect(burnBucketHours(DAY_MS)).toBe(1);
    expect(burnBucketHours(2 * DAY_MS)).toBe(1);
  });

  it("shows a week as 42 four-hour buckets and 30 days as 30 days", () => {
    expect(burnBucketHours(7 * DAY_MS)).toBe(4);
    expect(burnBucketHours(30 * DAY_MS)).toBe(24);
  });

  it("never draws more than 48 buckets, even over a quarter", () => {
    for (const days of [3, 5, 10, 20, 45, 90]) {
      expect((days * DAY_MS) / (burnBucketHours(days * DAY_MS) * HOUR_MS)).toBeLessThanOrEqual(MAX_BURN_BUCKETS);
    }
  });
});
