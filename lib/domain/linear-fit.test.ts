import { describe, expect, it } from "vitest";
import { fitLine, predict, tCritical95 } from "./linear-fit.ts";

describe("least-squares line", () => {
  it("finds the slope and the scatter of a textbook example", () => {
    // x = 1..5, y = 2 4 5 4 5: slope 6/10, through (3, 4); residuals −0.8 0.6 1 −0.6 −0.2 (SSE 2.4).
    const fit = fitLine([2, 4, 5, 4, 5].map((y, i) => ({ x: i + 1, y })))!;
    expect(fit.slope).toBeCloseTo(0.6, 12);
    expect(fit.xMean).toBe(3);
    expect(fit.yMean).toBe(4);
    expect(fit.sxx).toBe(10);
    expect(fit.residualStd).toBeCloseTo(Math.sqrt(2.4 / 3), 12);
    expect(fit.t).toBe(3.182);
  });

  it("gives the 95 % prediction interval ŷ ± t·s·√(1 + 1/n + (x − x̄)²/Sxx)", () => {
    const fit = fitLine([2, 4, 5, 4, 5].map((y, i) => ({ x: i + 1, y })))!;
    const p = predict(fit, 6);
    expect(p.y).toBeCloseTo(5.8, 12);
    expect(p.high - p.y).toBeCloseTo(3.182 * Math.sqrt(0.8) * Math.sqrt(1 + 1 / 5 + 9 / 10), 12);
    expect(p.y - p.low).toBeCloseTo(p.high - p.y, 12);
  });

  it("widens the interval the further a forecast reaches beyond the data", () => {
    const fit = fitLine([10, 12, 11, 13, 12, 14, 13, 15].map((y, i) => ({ x: i, y })))!;
    const width = (x: number) => predict(fit, x).high - predict(fit, x).low;
    expect(width(20)).toBeGreaterThan(width(10));
    expect(width(10)).toBeGreaterThan(width(3.5));
  });

  it("collapses the interval onto a line the points sit on exactly", () => {
    const fit = fitLine([0, 1, 2, 3].map((x) => ({ x: 1_000_000 + x, y: 3 * x + 7 })))!;
    expect(fit.slope).toBeCloseTo(3, 9);
    expect(fit.residualStd).toBeCloseTo(0, 6);
    expect(predict(fit, 1_000_010).y).toBeCloseTo(37, 6);
  });

  it("has no line for fewer than three points or a single instant", () => {
    expect(fitLine([{ x: 1, y: 1 }, { x: 2, y: 2 }])).toBeNull();
    expect(fitLine([1, 2, 3].map((y) => ({ x: 5, y })))).toBeNull();
  });
});

describe("Student t at 95 %", () => {
  it("reads small samples from the table and tends to the normal 1.96", () => {
    expect(tCritical95(1)).toBe(12.706);
    expect(tCritical95(10)).toBe(2.228);
    expect(tCritical95(30)).toBe(2.042);
    expect(tCritical95(50)).toBeCloseTo(2.009, 2);
    expect(tCritical95(334)).toBeCloseTo(1.967, 2);
    expect(tCritical95(1_000_000)).toBeCloseTo(1.96, 3);
  });

  it("refuses a meaningless number of degrees of freedom", () => {
    expect(() => tCritical95(0)).toThrow(RangeError);
    expect(() => tCritical95(2.5)).toThrow(RangeError);
  });
});
