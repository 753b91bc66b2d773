import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { readoutAt } from "../testing/hover-readout.ts";
import { HoverReadout, nearest } from "./hover-readout.tsx";

describe("a chart's hover readout", () => {
  it("finds the reading nearest the pointer, the ends included", () => {
    const at = [0, 0.1, 0.5, 0.9, 1];
    expect([-1, 0.04, 0.06, 0.29, 0.31, 0.71, 2].map((x) => nearest(at, x))).toEqual([0, 0, 1, 1, 2, 3, 4]);
    expect(nearest([0.5], 0.9)).toBe(0);
  });

  it("says nothing until pointed at, names the nearest reading, and goes when the pointer leaves", () => {
    const { container } = render(<HoverReadout at={[0.25, 0.75]} texts={["10:00: 2×", "11:00: 3×"]} />);
    const area = screen.getByTestId("hover-readout");
    expect(area.textContent).toBe("");
    expect(readoutAt(container, 0.6)).toBe("11:00: 3×");
    fireEvent.pointerLeave(area);
    expect(area.textContent).toBe("");
  });
});
