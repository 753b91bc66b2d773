import { describe, expect, it } from "vitest";
import { thinReadings } from "./thin-readings.ts";

describe("a thumbnail of a long series", () => {
  it("keeps every reading when they fit", () => {
    expect(thinReadings([1, 2, 3], 60)).toEqual({ kept: [1, 2, 3], every: 1 });
    expect(thinReadings([], 60)).toEqual({ kept: [], every: 1 });
  });

  it("keeps every k-th reading counted back from the newest, at most the maximum", () => {
    const hours = Array.from({ length: 14 * 24 }, (_, i) => i);
    const { kept, every } = thinReadings(hours, 60);
    expect(every).toBe(6);
    expect(kept.length).toBeLessThanOrEqual(60);
    expect(kept.at(-1)).toBe(hours.at(-1));
    expect(kept.slice(-3)).toEqual([323, 329, 335]);
  });

  it("leaves exactly the maximum when the series is a multiple of it", () => {
    const { kept, every } = thinReadings(Array.from({ length: 120 }, (_, i) => i), 60);
    expect([kept.length, every, kept[0], kept.at(-1)]).toEqual([60, 2, 1, 119]);
  });
});
