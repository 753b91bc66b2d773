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

describe("rollout-aware availability", () => {
  const base = Date.UTC(2026, 11, 2, 10, 0);
  const m = (n: number) => base + n * MINUTE_MS;
  const badMinutes = (series: Parameters<typeof availabilityMinutes>[0], to: number, since?: number) =>
    availabilityMinutes(series, base, m(to), since).filter((x) => x.good < x.total).map((x) => (x.ts - base) / MINUTE_MS);

  it("a healthy rolling update taking one of four replicas out at a time spends no budget", () => {
    const series = [
      { ts: m(-5), desired: 4, available: 4, updated: 4 },
      { ts: m(1), desired: 4, available: 3, updated: 1 },
      { ts: m(3), desired: 4, available: 3, updated: 3 },
      { ts: m(4), desired: 4, available: 4, updated: 4 },
    ];
    expect(badMinutes(series, 8)).toEqual([]);
  });

  it("a rollout stuck at 3 of 4 is an outage once its 10-minute progress deadline passes", () => {
    const series = [
      { ts: m(-5), desired: 4, available: 4, updated: 4 },
      { ts: m(0), desired: 4, available: 3, updated: 1 },
      { ts: m(20), desired: 4, available: 4, updated: 4 },
    ];
    expect(badMinutes(series, 22)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it("a rollout taking more out than its strategy allows is an outage at once", () => {
    const series = [{ ts: m(-5), desired: 4, available: 4, updated: 4 }, { ts: m(1), desired: 4, available: 1, updated: 1 }, { ts: m(3), desired: 4, available: 4, updated: 4 }];
    expect(badMinutes(series, 5)).toEqual([1, 2]);
  });

  it("a rollout that began before the rolled-up range keeps its age", () => {
    const series = [{ ts: m(-1), desired: 4, available: 3, updated: 2 }];
    expect(badMinutes(series, 5, m(-12))).toEqual([0, 1, 2, 3, 4]);
  });
});
