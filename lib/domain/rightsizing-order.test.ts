import { describe, expect, it } from "vitest";
import { sampleRows } from "@/components/cockpit/summary-fixture.ts";
import { byLargestSavings, topContainers } from "./rightsizing-order.ts";
import { KRR, VPA } from "./rightsizing-totals.ts";

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

const row = (workload: string, strategy: string, monthly: number, more: { held?: boolean; enoughHistory?: boolean } = {}) => ({
  cluster: "prod",
  namespace: "shop",
  workload,
  container: "app",
  strategy,
  enoughHistory: more.enoughHistory ?? true,
  held: more.held ?? false,
  savings: { cpuCores: null, memoryGiB: null },
  monthly: { total: monthly, currency: "USD" },
});
const order = (rows: ReturnType<typeof row>[]) => byLargestSavings(rows).map((r) => `${r.workload} ${r.strategy}`);

describe("right-sizing rows by worth, whatever the panel shows", () => {
  it("puts the container whose KRR suggestion saves most a month first, its VPA line right after it", () => {
    const rows = [row("cart", KRR, 10), row("cart", VPA, 90), row("search", KRR, 40), row("search", VPA, 5)];
    expect(order(rows)).toEqual(["search krr-simple", "search vpa", "cart krr-simple", "cart vpa"]);
  });

  it("puts held suggestions and those still gathering history last, however much they would save", () => {
    const rows = [row("big", KRR, 500, { held: true }), row("new", KRR, 300, { enoughHistory: false }), row("small", KRR, 1)];
    expect(order(rows)).toEqual(["small krr-simple", "big krr-simple", "new krr-simple"]);
  });

  it("keeps containers of equal worth in the order they came (by name)", () => {
    const rows = [row("a", KRR, 0), row("b", KRR, 0), row("c", KRR, 0)];
    expect(order(rows)).toEqual(["a krr-simple", "b krr-simple", "c krr-simple"]);
  });
});
