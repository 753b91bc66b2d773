import { describe, expect, it } from "vitest";
import { splitRange } from "./read-sli-segments.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const t = (iso: string) => Date.parse(iso);

describe("reading an SLO window as the fewest stored sums", () => {
  it("reads a 30-day window as whole days, with hours and minutes only at its two edges", () => {
    const at = t("2026-12-04T21:37:00Z");
    const pieces = splitRange(at - 30 * DAY, at);
    expect(pieces.map((p) => [p.unit, (p.to - p.from) / p.unit])).toEqual([
      [MIN, 23], // 21:37 → 22:00 thirty days ago
      [HOUR, 2], // 22:00 → midnight
      [DAY, 29],
      [HOUR, 21], // today's whole hours
      [MIN, 37],
    ]);
    expect(pieces.reduce((n, p) => n + (p.to - p.from) / p.unit, 0)).toBe(23 + 2 + 29 + 21 + 37);
  });

  it("covers the range exactly, piece after piece, whatever its edges", () => {
    for (const [from, to] of [["2026-12-01T00:00:00Z", "2026-12-04T00:00:00Z"], ["2026-12-04T20:55:00Z", "2026-12-04T21:05:00Z"], ["2026-12-03T23:59:00Z", "2026-12-04T01:01:00Z"]]) {
      const pieces = splitRange(t(from), t(to));
      expect(pieces[0].from).toBe(t(from));
      expect(pieces.at(-1)!.to).toBe(t(to));
      pieces.slice(1).forEach((p, i) => expect(p.from).toBe(pieces[i].to));
      for (const p of pieces) expect(p.from % p.unit).toBe(0);
    }
    expect(splitRange(t("2026-12-01T00:00:00Z"), t("2026-12-04T00:00:00Z"))).toEqual([{ unit: DAY, from: t("2026-12-01T00:00:00Z"), to: t("2026-12-04T00:00:00Z") }]);
    expect(splitRange(5, 5)).toEqual([]);
  });
});
