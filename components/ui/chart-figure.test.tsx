import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ChartFigure } from "./chart-figure.tsx";

const table = { caption: "Burn rate per hour", columns: ["hour (UTC)", "burn"], rows: [["09:00", "0.4×"], ["10:00", "14.9×"]] };

describe("a chart as people read it", () => {
  it("is announced by its name, and the picture itself is hidden from screen readers and the Tab order", () => {
    render(
      <ChartFigure label="Burn rate, last 24 hours" table={table}>
        <svg><circle r={2} /></svg>
      </ChartFigure>,
    );
    const figure = screen.getByRole("figure", { name: "Burn rate, last 24 hours" });
    expect(figure.querySelector("svg")?.closest("[aria-hidden]")).not.toBeNull();
  });

  it("opens its table equivalent: the same numbers under column headers", async () => {
    render(
      <ChartFigure label="Burn rate, last 24 hours" table={table}>
        <svg />
      </ChartFigure>,
    );
    await userEvent.click(screen.getByText("Burn rate, last 24 hours: as a table"));
    const grid = screen.getByRole("table", { name: "Burn rate per hour" });
    expect(within(grid).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["hour (UTC)", "burn"]);
    const last = within(grid).getAllByRole("row")[2];
    expect(within(last!).getAllByRole("cell").map((c) => c.textContent)).toEqual(["10:00", "14.9×"]);
  });

  it("is no Tab stop, even where a chart draws layers after it is measured", async () => {
    render(
      <ChartFigure label="Burn rate, last 24 hours" table={table}>
        <svg><g className="layer" /></svg>
      </ChartFigure>,
    );
    const svg = screen.getByRole("figure").querySelector("svg")!;
    const late = document.createElementNS("http://www.w3.org/2000/svg", "g");
    svg.appendChild(late);
    await waitFor(() => expect(late.getAttribute("tabindex")).toBe("-1"));
    expect(svg.getAttribute("tabindex")).toBe("-1");
    expect(svg.querySelector("g.layer")!.getAttribute("tabindex")).toBe("-1");
  });
});
