import { describe, expect, it } from "vitest";
import { mttxSeries } from "./mttx-series.ts";

const row = (metric: string, grouping: string, groupKey: string, p50Seconds: number) => ({ metric, grouping, groupKey, incidents: 3, meanSeconds: 600, p50Seconds, p90Seconds: 1200 });

describe("the MTTx chart's points", () => {
  it("shows the chosen metric per week in minutes, weeks labelled by their Monday", () => {
    const rows = [row("mttr", "week", "2026-11-16T00:00:00.000Z", 300), row("mttd", "week", "2026-11-16T00:00:00.000Z", 60), row("mttr", "service", "shop/checkout", 90)];
    expect(mttxSeries(rows, "mttr", "week")).toEqual([{ label: "11-16", incidents: 3, mean: 10, p50: 5, p90: 20 }]);
  });

  it("labels services by namespace/name", () => {
    expect(mttxSeries([row("mttr", "service", "shop/checkout", 90)], "mttr", "service")[0]).toMatchObject({ label: "shop/checkout", p50: 1.5 });
  });
});
