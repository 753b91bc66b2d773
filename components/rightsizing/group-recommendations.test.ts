import { describe, expect, it } from "vitest";
import { savingsText } from "@/lib/domain/savings-text.ts";
import { groupByContainer, totalsOf } from "./group-recommendations.ts";
import { row } from "./recommendation-fixture.ts";

describe("right-sizing panel", () => {
  it("puts a container's KRR and VPA suggestions on one line", () => {
    const groups = groupByContainer([row({ id: "a" }), row({ id: "b", strategy: "vpa" }), row({ id: "c", container: "sidecar" })]);
    expect(groups.map((g) => [g.key, g.krr?.id ?? null, g.vpa?.id ?? null])).toEqual([
      ["demo/shop/frontend/frontend", "a", "b"],
      ["demo/shop/frontend/sidecar", "c", null],
    ]);
  });

  it("totals what applying a strategy now frees, counting held suggestions apart", () => {
    const t = totalsOf([row({}), row({ held: true, heldReason: "held: …" }), row({ strategy: "vpa" })], "krr-simple");
    expect(t).toEqual({ cpuCores: 0.8, memoryGiB: 1, monthly: 21.55, currency: "USD", held: 1 });
  });

  it("the panel's total says what applying a strategy saves, in the words of every suggestion", () => {
    const t = totalsOf([row({}), row({ id: "b", container: "sidecar", savings: { cpuCores: 0.2, memoryGiB: -0.5 }, monthly: { cpu: 4.61, memory: -1.53, total: 3.08, currency: "USD" } })], "krr-simple");
    expect(savingsText({ ...t, monthly: t.monthly })).toBe("saves 1 core, 0.5 GiB, $24.63/month");
  });
});
