import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { readoutAt } from "../testing/hover-readout.ts";
import { BurnChart } from "./burn-chart.tsx";

// 24 hours from 00:00 UTC; `burn(i)` gives hour i's rate, null when nothing was measured that hour.
const day = (burn: (i: number) => number | null) =>
  Array.from({ length: 24 }, (_, i) => ({ hour: `2026-12-05T${String(i).padStart(2, "0")}:00:00.000Z`, burn: burn(i) }));

// Hour i sits in the middle of its 24th of the plot.
const hover = (root: HTMLElement, hour: number) => readoutAt(root, (hour + 0.5) / 24);
const tickLabels = (root: HTMLElement, cls: string) => [...root.querySelectorAll(`.${cls}`)].map((t) => t.textContent);

describe("an SLO card's burn sparkline", () => {
  it("names the sustainable and the paging rate on their dashed lines, and labels every sixth hour", () => {
    const { container } = render(<BurnChart points={day(() => 0.5)} />);
    expect(screen.getByText("1× sustainable")).toBeTruthy();
    expect(screen.getByText("14.4× page")).toBeTruthy();
    expect(container.querySelectorAll("line[stroke-dasharray='4 3']")).toHaveLength(2);
    expect(tickLabels(container, "xTick")).toEqual(["00:00", "06:00", "12:00", "18:00"]);
    expect(tickLabels(container, "yTick")).toEqual(["0×", "1×", "6×", "14.4×"]);
  });

  it("leaves a gap for an hour nobody measured instead of dropping the line to zero", () => {
    const { container } = render(<BurnChart points={day((i) => (i === 10 ? null : 2))} />);
    const segments = [...container.querySelectorAll("[data-series='burn'] path")].map((p) => p.getAttribute("d")!);
    expect(segments).toHaveLength(2);
    // Hours 0–9 and 11–23: every vertex sits at the same 2× height, none at the bottom.
    expect(segments.map((d) => d.split(/[ML]/).filter(Boolean).length)).toEqual([10, 13]);
    expect(new Set(segments.flatMap((d) => d.split(/[ML]/).filter(Boolean).map((v) => v.split(" ")[1])))).toHaveLength(1);
    expect(hover(container, 10)).toBe("10:00 UTC: not measured");
  });

  it("names the peak on the axis when one hour burns at 1000×, so a squeezed chart is not read as calm", () => {
    const { container } = render(<BurnChart points={day((i) => (i === 20 ? 1000 : 0.2))} />);
    const labels = tickLabels(container, "yTick");
    expect(labels).toContain("1000×");
    expect(labels).not.toContain("6×");
    expect(hover(container, 20)).toBe("20:00 UTC: 1000×");
  });

  it("draws an infinitely fast hour (a 100 % objective) at the top without losing the axis", () => {
    const { container } = render(<BurnChart points={day((i) => (i === 5 ? Infinity : 0.2))} />);
    expect(tickLabels(container, "yTick")).toEqual(["0×", "1×", "6×", "14.4×"]);
    expect(container.querySelector("[data-series='burn'] path")!.getAttribute("d")).not.toContain("NaN");
    expect(hover(container, 5)).toBe("05:00 UTC: ∞×");
  });

  it("tells the rate of the hour nearest the pointer, and lists every hour in its table", async () => {
    const { container } = render(<BurnChart points={day((i) => (i === 13 ? 3.2 : 0))} />);
    expect(hover(container, 13)).toBe("13:00 UTC: 3.2×");
    expect(readoutAt(container, 13.9 / 24)).toBe("13:00 UTC: 3.2×");
    expect(readoutAt(container, 0)).toBe("00:00 UTC: 0×");
    await userEvent.click(screen.getByText("Hourly burn rate, last 24 hours: as a table"));
    const rows = within(screen.getByRole("table", { name: "Burn rate per hour (UTC)" })).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(24);
    expect(within(rows[13]).getAllByRole("cell").map((c) => c.textContent)).toEqual(["13:00", "3.2×"]);
  });
});
