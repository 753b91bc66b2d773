import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { WeekSelector, type WeekChoice } from "./week-selector.tsx";

const WEEK = 7 * 86_400_000;
const first = Date.UTC(2026, 10, 9);
const weeks: WeekChoice[] = [{ weekStart: first, incidents: 0 }, { weekStart: first + WEEK, incidents: 1 }, { weekStart: first + 2 * WEEK, incidents: 3 }];

// The selector as the MTTx page uses it: the chosen week is the page's state, changed by the selector.
function Harness({ chosen: initial, log }: { chosen: number; log: number[] }) {
  const [chosen, setChosen] = useState(initial);
  return <WeekSelector weeks={weeks} selected={chosen} onSelect={(w) => { log.push(w); setChosen(w); }} />;
}

describe("the MTTx week selector", () => {
  it("names each week by its Monday and its incidents, the chosen one checked", () => {
    render(<Harness chosen={first + 2 * WEEK} log={[]} />);
    expect(screen.getAllByRole("radio").map((r) => r.textContent)).toEqual(["11-09 · 0 incidents", "11-16 · 1 incident", "11-23 · 3 incidents"]);
    expect(screen.getByRole("radio", { checked: true }).textContent).toContain("11-23");
  });

  it("chooses the week clicked", async () => {
    const log: number[] = [];
    render(<Harness chosen={first + 2 * WEEK} log={log} />);
    await userEvent.click(screen.getByRole("radio", { name: /11-16/ }));
    expect(log).toEqual([first + WEEK]);
    expect(screen.getByRole("radio", { checked: true }).textContent).toContain("11-16");
  });

  it("is one Tab stop, and the arrow keys move the choice, wrapping at the ends", async () => {
    const log: number[] = [];
    render(<><button type="button">before</button><Harness chosen={first + WEEK} log={log} /></>);
    await userEvent.click(screen.getByRole("button", { name: "before" }));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: /11-16/ }));
    await userEvent.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: /11-23/ }));
    await userEvent.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: /11-09/ }));
    await userEvent.keyboard("{End}");
    expect(log).toEqual([first + 2 * WEEK, first, first + 2 * WEEK]);
    expect(screen.getAllByRole("radio").filter((r) => r.tabIndex === 0)).toHaveLength(1);
  });
});
