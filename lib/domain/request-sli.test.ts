import { describe, expect, it } from "vitest";
import { asTimeslices, latencyBound, requestSamples } from "./request-sli.ts";

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
