import { describe, expect, it } from "vitest";
import { sampleRows } from "@/components/cockpit/summary-fixture.ts";
import { byLargestSavings, topContainers } from "./rightsizing-order.ts";

describe("the right-sizing panel's first row", () => {
  it("is the suggestion worth most a month, held ones last", () => {
    const rows = byLargestSavings(sampleRows().recommendations);
    // site frees 0.5 cores on one replica, checkout 0.25 on each of three; cart's larger one is held.
    expect(rows.map((r) => r.workload)).toEqual(["checkout", "site", "cart"]);
    expect(rows[0].monthly.total).toBeGreaterThan(rows[1].monthly.total ?? 0);
  });
});

describe("the home panel's share of the suggestions", () => {
  it("keeps the containers worth most, every strategy's row of each", () => {
    const rows = sampleRows().recommendations;
    const vpa = rows.map((r) => ({ ...r, id: `${r.id}-vpa`, strategy: "vpa" }));
    const top = topContainers([...rows, ...vpa], 2);
    expect(top.map((r) => `${r.workload}/${r.strategy}`).sort()).toEqual(["checkout/krr-simple", "checkout/vpa", "site/krr-simple", "site/vpa"]);
  });
});
