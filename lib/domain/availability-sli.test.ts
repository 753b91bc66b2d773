import { describe, expect, it } from "vitest";
import { availabilityMinutes } from "./availability-sli.ts";
import { MINUTE_MS } from "./slo.ts";

const t0 = Date.UTC(2026, 10, 25, 10, 0);
const at = (min: number, sec = 0) => t0 + min * MINUTE_MS + sec * 1000;

describe("per-minute availability", () => {
  it("counts the minutes checkout ran 3/4 replicas as bad and carries the state forward", () => {
    const series = [
      { ts: at(-30), desired: 4, available: 4 },
      { ts: at(2), desired: 4, available: 3 },
      { ts: at(22), desired: 4, available: 4 },
    ];
    const minutes = availabilityMinutes(series, t0, at(30));
    expect(minutes).toHaveLength(30);
    expect(minutes.filter((m) => m.total === 1 && m.good === 0)).toHaveLength(20);
    expect(minutes[0]).toEqual({ ts: t0, good: 1, total: 1 });
    expect(minutes[2]).toEqual({ ts: at(2), good: 0, total: 1 });
    expect(minutes[22]).toEqual({ ts: at(22), good: 1, total: 1 });
  });

  it("a drop in the middle of a minute makes that whole minute bad (reports' OOM kill)", () => {
    const series = [
      { ts: at(-5), desired: 1, available: 1 },
      { ts: at(3, 40), desired: 1, available: 0 },
      { ts: at(5, 30), desired: 1, available: 1 },
    ];
    const bad = availabilityMinutes(series, t0, at(10)).filter((m) => m.good < m.total).map((m) => (m.ts - t0) / MINUTE_MS);
    expect(bad).toEqual([3, 4, 5]);
  });

  it("a workload scaled to zero neither spends nor earns budget", () => {
    const series = [
      { ts: at(-1), desired: 2, available: 2 },
      { ts: at(1), desired: 0, available: 0 },
    ];
    const minutes = availabilityMinutes(series, t0, at(3));
    expect(minutes.map((m) => m.total)).toEqual([1, 0, 0]);
  });

  it("reports nothing before Uptrust first saw the workload", () => {
    const series = [{ ts: at(5, 10), desired: 1, available: 1 }];
    const minutes = availabilityMinutes(series, t0, at(8));
    expect(minutes.map((m) => m.ts)).toEqual([at(5), at(6), at(7)]);
  });

  it("more available replicas than desired (surge during a rollout) is still good", () => {
    const minutes = availabilityMinutes([{ ts: at(-1), desired: 4, available: 5 }], t0, at(1));
    expect(minutes).toEqual([{ ts: t0, good: 1, total: 1 }]);
  });
});
