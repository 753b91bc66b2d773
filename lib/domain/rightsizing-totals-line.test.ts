import { describe, expect, it } from "vitest";
import { KRR, totalsOf, VPA } from "./rightsizing-totals.ts";
import { totalsLine } from "./rightsizing-totals-line.ts";

const row = (strategy: string, cpuCores: number, memoryGiB: number, monthly: number, more: { held?: boolean; enoughHistory?: boolean } = {}) => ({
  strategy,
  enoughHistory: more.enoughHistory ?? true,
  held: more.held ?? false,
  savings: { cpuCores, memoryGiB },
  monthly: { total: monthly, currency: "USD" },
});

describe("the right-sizing totals line", () => {
  it("adds up each strategy's suggestions, counting held ones apart and leaving out those without enough history", () => {
    const rows = [
      row(KRR, 1, 2, 30),
      row(KRR, 0.5, 1, 15),
      row(KRR, 4, 8, 120, { held: true }),
      row(KRR, 9, 9, 900, { enoughHistory: false }),
      row(VPA, 0.25, 0.5, 7.5),
    ];
    expect(totalsLine({ krr: totalsOf(rows, KRR), vpa: totalsOf(rows, VPA) })).toBe("if applied now: KRR saves 1.5 cores, 3 GiB, $45.00/month (1 held); VPA saves 0.25 cores, 0.5 GiB, $7.50/month");
  });
});
