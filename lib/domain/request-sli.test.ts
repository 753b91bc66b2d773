import { describe, expect, it } from "vitest";
import { asBudgeted, asRatioTimeslices, asTimeslices, latencyBound, requestSamples } from "./request-sli.ts";
import { budgetRemaining, burnRate, DAY_MS, sli, type EventCounts } from "./slo.ts";

const minute = { ts: 0, total: 100, errors: 3, timed: 80, withinThreshold: 72 };

describe("request SLIs from counted minutes", () => {
  it("success counts every request not answered 5xx", () => {
    expect(requestSamples([minute], "success")).toEqual([{ ts: 0, good: 97, total: 100 }]);
  });
  it("latency counts only requests whose time is known", () => {
    expect(requestSamples([minute], "latency")).toEqual([{ ts: 0, good: 72, total: 80 }]);
  });
  it("a latency threshold must be one of the stored bounds", () => {
    expect(latencyBound(500)).toBeGreaterThan(0);
    expect(latencyBound(450)).toBeNull();
  });
  it("timeslices judge each minute against the slice target: 97% in a minute fails a 99% slice", () => {
    expect(asTimeslices([{ ts: 0, good: 97, total: 100 }, { ts: 60_000, good: 100, total: 100 }], 0.99)).toEqual([
      { ts: 0, good: 0, total: 1 },
      { ts: 60_000, good: 1, total: 1 },
    ]);
  });
});

// A busy minute at 90 % (900 of 1000 good) and a quiet one at 100 % (10 of 10), as the window's totals.
const busyThenQuiet = [
  { ts: 0, good: 900, total: 1000 },
  { ts: 60_000, good: 10, total: 10 },
];
const totals = (samples: readonly { good: number; total: number }[]): EventCounts => ({
  good: samples.reduce((n, s) => n + s.good, 0),
  total: samples.reduce((n, s) => n + s.total, 0),
});

describe("RatioTimeslices: the SLI is the mean of the slices' ratios", () => {
  it("a 90 % minute and a 100 % minute make 95 %, however busy each was", () => {
    expect(sli(totals(asRatioTimeslices(busyThenQuiet)))).toBeCloseTo(0.95, 12);
    // Not Occurrences (910 of 1010 requests) and not Timeslices counting good slices at 95 % (1 of 2).
    expect(sli(totals(asBudgeted(busyThenQuiet, "occurrences", null, 0.99)))).toBeCloseTo(910 / 1010, 12);
    expect(sli(totals(asBudgeted(busyThenQuiet, "timeslices", 0.95, 0.99)))).toBe(0.5);
    expect(asBudgeted(busyThenQuiet, "ratio-timeslices", null, 0.99)).toEqual(asRatioTimeslices(busyThenQuiet));
  });

  it("burn and budget read the same mean: 5 % bad against a 1 % budget burns 5×", () => {
    const counts = totals(asRatioTimeslices(busyThenQuiet));
    expect(burnRate(counts, 0.99)).toBeCloseTo(5, 9);
    // Two minutes 5 % bad on average spend a tenth of a minute of the 432 bad minutes a 30-day 99 % window allows.
    expect(budgetRemaining(counts, 0.99, 2 * 60_000, 30 * DAY_MS)).toBeCloseTo(1 - 0.1 / 432, 9);
  });

  it("a minute that served nothing is no slice, and a ratio never leaves 0..1", () => {
    expect(asRatioTimeslices([{ ts: 0, good: 0, total: 0 }, { ts: 60_000, good: 12, total: 10 }])).toEqual([{ ts: 60_000, good: 1, total: 1 }]);
  });
});
