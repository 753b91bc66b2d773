import { describe, expect, it } from "vitest";
import { percentToFraction } from "./percent.ts";

describe("an objective written in percent", () => {
  it("is stored as exactly the fraction the user wrote, not binary division's neighbour", () => {
    expect(99.9 / 100).not.toBe(0.999); // why the conversion exists
    expect([99.9, 99.95, 99.99, 95, 99, 99.5, 99.999, 12.34].map(percentToFraction)).toEqual([0.999, 0.9995, 0.9999, 0.95, 0.99, 0.995, 0.99999, 0.1234]);
  });

  it("keeps tiny and huge numbers JavaScript prints in exponent form", () => {
    expect(percentToFraction(1e-7)).toBe(1e-9);
    expect(percentToFraction(1e21)).toBe(1e19);
  });
});
