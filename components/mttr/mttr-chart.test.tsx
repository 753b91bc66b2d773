import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MttrChart } from "./mttr-chart.tsx";
import type { MttxPoint } from "./mttx-series.ts";

const point = (label: string, p50: number, mean = p50 * 1.5, p90 = p50 * 3): MttxPoint => ({ label, incidents: 4, p50, mean, p90 });
const weeks = ["11-30", "12-07", "12-14"].map((w, i) => point(w, 12 + i));
const titles = (root: HTMLElement) => [...root.querySelectorAll("title")].map((t) => t.textContent);
const chart = () => screen.getByTestId("mttr-chart");

describe("the home page's MTTx chart", () => {
  it("draws weeks as three lines with a dot per week, each dot naming its week and value", () => {
    render(<MttrChart points={weeks} trend />);
    expect(chart().dataset.shape).toBe("lines");
    expect(chart().querySelectorAll("rect")).toHaveLength(0);
    for (const series of ["p50", "mean", "p90"]) expect(chart().querySelectorAll(`[data-series='${series}'] path title`)).toHaveLength(3);
    expect(titles(chart())).toContain("week of 11-30 · p50 12m");
    expect(titles(chart())).toContain("week of 12-14 · p90 42m");
  });

  it("draws services side by side as grouped bars: p50, mean and p90 for each", () => {
    render(<MttrChart points={[point("shop/checkout", 10), point("shop/reports", 20)]} trend={false} />);
    expect(chart().dataset.shape).toBe("bars");
    expect(chart().querySelectorAll("rect")).toHaveLength(6);
    expect(titles(chart())).toContain("shop/reports · p90 1h");
    expect(titles(chart())).not.toContainEqual(expect.stringContaining("week of"));
  });

  it("reads minutes off a short axis of round values, and says which colour is which", () => {
    render(<MttrChart points={weeks} trend />);
    expect([...chart().querySelectorAll(".yTick")].map((t) => t.textContent)).toEqual(["0m", "20m", "40m", "60m"]);
    expect(within(chart()).getByText("p50")).toBeTruthy();
    expect(within(chart()).getByText("mean")).toBeTruthy();
    expect(within(chart()).getByText("p90")).toBeTruthy();
  });

  it("thins a crowded week axis, while its table still lists every week", async () => {
    const twelve = Array.from({ length: 12 }, (_, i) => point(`w${String(i + 1).padStart(2, "0")}`, 5 + i));
    render(<MttrChart points={twelve} trend />);
    expect([...chart().querySelectorAll(".xTick")].map((t) => t.textContent)).toEqual(["w01", "w03", "w05", "w07", "w09", "w11"]);
    await userEvent.click(screen.getByText("The chosen MTTx measure per week: as a table"));
    const rows = within(screen.getByRole("table", { name: "Minutes per group: p50, mean and p90" })).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0].textContent)).toEqual(twelve.map((p) => p.label));
  });
});
