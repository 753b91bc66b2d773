import { describe, expect, it } from "vitest";
import { byLargestSavings } from "./panel-order.ts";
import { sampleCockpit } from "./summary-fixture.ts";

describe("the right-sizing panel's first row", () => {
  it("is the suggestion worth most a month, held ones last", () => {
    const rows = byLargestSavings(sampleCockpit().recommendations);
    // site frees 0.5 cores on one replica, checkout 0.25 on each of three; cart's larger one is held.
    expect(rows.map((r) => r.workload)).toEqual(["checkout", "site", "cart"]);
    expect(rows[0].monthly.total).toBeGreaterThan(rows[1].monthly.total ?? 0);
  });
});
