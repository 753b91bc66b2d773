import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { pageWindow } from "@/lib/domain/pagination.ts";
import type { MinutePage } from "@/lib/views/slo-history.ts";
import { MinutesTable } from "./minutes-table.tsx";

// Page 2 of 75 measured minutes, 30 a page, newest first, as getSloMinutes reads them.
function minutesPage(page: number, total = 75): MinutePage {
  const w = pageWindow(total, page, 30);
  const newest = Date.UTC(2026, 10, 25, 12, 0);
  const rows = Array.from({ length: Math.min(w.limit, total - w.offset) }, (_, i) => {
    const ts = new Date(newest - (w.offset + i) * 60_000).toISOString();
    return { ts, good: i === 0 ? 2 : 3, total: 3 };
  });
  return { rows, page: w.page, pages: w.pages, total, perPage: 30 };
}

describe("the SLO page's measured minutes", () => {
  it("are folded away until asked for, then show a page of 30 with the bad events in bold", async () => {
    render(<MinutesTable minutes={minutesPage(1)} search="" open={false} />);
    const details = screen.getByText(/^Measured minutes: 75 with events/).closest("details")!;
    expect(details.open).toBe(false);
    await userEvent.click(screen.getByText(/^Measured minutes/));
    expect(details.open).toBe(true);
    const rows = within(screen.getByTestId("slo-minutes")).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(30);
    expect(within(rows[0]).getAllByRole("cell").map((c) => c.textContent)).toEqual(["2026-11-25 12:00 UTC", "2", "3", "1"]);
  });

  it("offer the pages around the current one as links that keep the rest of the URL", () => {
    render(<MinutesTable minutes={minutesPage(2)} search="cluster=prod-eu&minutes=2" open />);
    const nav = screen.getByRole("navigation", { name: "Pages of measured minutes" });
    expect(within(nav).getByText("2").getAttribute("aria-current")).toBe("page");
    expect(within(nav).getByRole("link", { name: "page 1" }).getAttribute("href")).toBe("?cluster=prod-eu#minutes");
    expect(within(nav).getByRole("link", { name: "page 3" }).getAttribute("href")).toBe("?cluster=prod-eu&minutes=3#minutes");
    expect(within(nav).getByRole("link", { name: "next →" }).getAttribute("href")).toBe("?cluster=prod-eu&minutes=3#minutes");
    expect(within(nav).getByText("page 2 of 3")).toBeDefined();
  });

  it("show the last page's last minutes and offer no next page there", () => {
    render(<MinutesTable minutes={minutesPage(3)} search="minutes=3" open />);
    expect(within(screen.getByTestId("slo-minutes")).getAllByRole("row").slice(1)).toHaveLength(15);
    const nav = screen.getByRole("navigation", { name: "Pages of measured minutes" });
    expect(within(nav).queryByRole("link", { name: "next →" })).toBeNull();
    expect(within(nav).getByRole("link", { name: "← previous" }).getAttribute("href")).toBe("?minutes=2#minutes");
  });
});
