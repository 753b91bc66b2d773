import { describe, expect, it } from "vitest";
import { ratioSamples, rawSamples, renderQuery, thresholdSamples } from "./promql-sli.ts";

const series = (pairs: [number, number][]) => new Map(pairs);

describe("PromQL SLIs, one value a minute", () => {
  it("fills Sloth's {{.window}} with one minute", () => {
    expect(renderQuery('sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))')).toBe('sum(rate(http_requests_total{code=~"5.."}[1m]))');
  });

  it("a bad-over-total rate ratio counts a minute's requests: 2 errors/s of 10/s is 120 of 600 bad", () => {
    const q = { kind: "ratio" as const, bad: "sum(rate(errors[1m]))", total: "sum(rate(requests[1m]))" };
    expect(ratioSamples(q, series([[0, 2]]), series([[0, 10]]))).toEqual([{ ts: 0, good: 480, total: 600 }]);
  });

  it("a minute that served nothing is left out rather than counted as perfect", () => {
    const q = { kind: "ratio" as const, good: "sum(increase(ok[1m]))", total: "sum(increase(all[1m]))" };
    expect(ratioSamples(q, series([[0, 5], [60_000, 0]]), series([[0, 4], [60_000, 0]]))).toEqual([{ ts: 0, good: 4, total: 4 }]);
  });

  it("a p99 latency threshold judges each minute on its own", () => {
    const q = { kind: "threshold" as const, query: "histogram_quantile(0.99, …)", op: "lte" as const, value: 0.3 };
    expect(thresholdSamples(q, series([[0, 0.2], [60_000, 0.45]]))).toEqual([{ ts: 0, good: 1, total: 1 }, { ts: 60_000, good: 0, total: 1 }]);
  });
  it("a raw error ratio is one event a minute, good in the share the ratio leaves: the window reads the mean ratio", () => {
    const q = { kind: "raw" as const, query: "1 - avg(ratio)", ratio: "error" as const };
    expect(rawSamples(q, series([[60_000, 0.2], [0, 0], [120_000, NaN], [180_000, 1.5]]))).toEqual([
      { ts: 0, good: 1, total: 1 },
      { ts: 60_000, good: 0.8, total: 1 },
      { ts: 180_000, good: 0, total: 1 },
    ]);
    expect(rawSamples({ ...q, ratio: "good" }, series([[0, 0.97]]))).toEqual([{ ts: 0, good: 0.97, total: 1 }]);
  });
});
