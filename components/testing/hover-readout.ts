import { act, fireEvent } from "@testing-library/react";

// What a plain-SVG chart's hover readout says with the pointer at `x` across its plot (0 left, 1 right), the plot
// 1,000 px wide (jsdom lays nothing out, so the test gives the area its size). Null when it says nothing.
export function readoutAt(root: HTMLElement, x: number, which = 0): string | null {
  const area = root.querySelectorAll<HTMLElement>("[data-testid='hover-readout']")[which];
  if (!area) throw new Error("the chart has no hover readout");
  area.getBoundingClientRect = () => ({ left: 0, width: 1000, top: 0, height: 100, right: 1000, bottom: 100, x: 0, y: 0, toJSON: () => ({}) });
  act(() => {
    fireEvent.pointerMove(area, { clientX: x * 1000 });
  });
  return area.querySelector("span:last-child")?.textContent ?? null;
}
