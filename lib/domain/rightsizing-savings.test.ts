import { describe, expect, it } from "vitest";
import { GIB, MIB } from "./rightsizing.ts";
import { HOURS_PER_MONTH, monthlyValue, savingsPerReplica, timesReplicas } from "./rightsizing-savings.ts";

const prices = { cpuCoreHour: 0.031611, memoryGibHour: 0.004237, currency: "USD" };

describe("right-sizing savings", () => {
  it("counts what each replica gives back, then every running replica", () => {
    const per = savingsPerReplica({ cpuMillis: 2000, memoryRequestBytes: 4 * GIB }, { cpuMillis: 120, memoryRequestBytes: 512 * MIB });
    expect(per).toEqual({ cpuCores: 1.88, memoryGiB: 3.5 });
    expect(timesReplicas(per, 2)).toEqual({ cpuCores: 3.76, memoryGiB: 7 });
  });

  it("turns 3.76 cores and 7 GiB into money a month at the configured prices × 730 h", () => {
    expect(HOURS_PER_MONTH).toBe(730);
    const m = monthlyValue({ cpuCores: 3.76, memoryGiB: 7 }, prices);
    expect(m.cpu).toBeCloseTo(3.76 * 0.031611 * 730, 2);
    expect(m.memory).toBeCloseTo(7 * 0.004237 * 730, 2);
    expect(m.total).toBeCloseTo((m.cpu ?? 0) + (m.memory ?? 0), 2);
  });

  it("shows a container that needs more as a negative saving, and none where no request is set", () => {
    expect(savingsPerReplica({ cpuMillis: 100, memoryRequestBytes: null }, { cpuMillis: 300, memoryRequestBytes: GIB })).toEqual({ cpuCores: -0.2, memoryGiB: null });
    expect(monthlyValue({ cpuCores: null, memoryGiB: null }, prices)).toEqual({ cpu: null, memory: null, total: null });
  });
});
