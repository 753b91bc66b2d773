import { describe, expect, it } from "vitest";
import type { MttxRow } from "@/lib/views/mttx.ts";
import { mttxServiceCount, topMttxServices } from "./mttx-services.ts";

const row = (metric: string, grouping: string, groupKey: string, incidents: number, meanSeconds: number): MttxRow =>
  ({ metric, grouping, groupKey, incidents, meanSeconds, p50Seconds: meanSeconds, p90Seconds: meanSeconds });

describe("the services a per-service MTTx chart shows", () => {
  const rows = [
    row("mttr", "week", "2026-11-30", 9, 600),
    row("mttr", "service", "shop/cart", 1, 9_000),
    row("mttr", "service", "shop/checkout", 5, 600),
    row("mttr", "service", "pay/ledger", 1, 300),
    row("mttd", "service", "shop/cart", 1, 60),
    row("mttd", "service", "pay/ledger", 1, 30),
    row("mttr", "severity", "sev2", 7, 500),
  ];

  it("keeps the services with the most incidents, then the longest, for every metric alike", () => {
    const kept = topMttxServices(rows, 2);
    expect(kept.filter((r) => r.grouping === "service").map((r) => `${r.metric} ${r.groupKey}`)).toEqual(["mttr shop/cart", "mttr shop/checkout", "mttd shop/cart"]);
    expect(kept.filter((r) => r.grouping !== "service")).toHaveLength(2);
    expect(mttxServiceCount(rows)).toBe(3);
  });
});
