import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { checkoutRollout } from "@/lib/domain/checkout-timeline.fixture.ts";
import type { TimelineGroup } from "@/lib/domain/timeline-filter.ts";
import { TimelinePanel } from "./timeline-panel.tsx";

const timeline = checkoutRollout();

// The incident page keeps the filter in its URL; here it is kept in state, as the panel only asks for one.
function Filtered({ start = [] }: { start?: TimelineGroup[] }) {
  const [shown, setShown] = useState<readonly TimelineGroup[]>(start);
  return <TimelinePanel timeline={timeline} filter={{ shown, setShown }} />;
}

const rows = () => screen.getAllByTestId("timeline-entry");
const kinds = () => rows().map((r) => r.dataset.kind);

describe("the incident timeline", () => {
  it("offers each kind it holds with its count, all shown at first", () => {
    render(<Filtered />);
    const chips = within(screen.getByRole("group", { name: "Show kinds of entries" })).getAllByRole("button");
    expect(chips.map((c) => c.textContent)).toEqual(["all kinds 12", "changes 2", "replicas 2", "events 2", "logs 6"]);
    expect(screen.getByRole("button", { name: /^all kinds/ }).getAttribute("aria-pressed")).toBe("true");
    expect(kinds()).toContain("event");
  });

  it("narrows to changes only, then back to everything", async () => {
    render(<Filtered />);
    await userEvent.click(screen.getByRole("button", { name: /^changes/ }));
    expect(kinds()).toEqual(["change", "change"]);
    expect(screen.getByRole("button", { name: /^changes/ }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByText(/2 of 12 entries/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: /^events/ }));
    expect(kinds()).toEqual(["change", "event", "event", "change"]);
    await userEvent.click(screen.getByRole("button", { name: /^all kinds/ }));
    expect(kinds()).toHaveLength(timeline.length - 6 + 1);
  });

  it("tells six identical crash lines once, with how many and from when to when, and opens to every line", async () => {
    render(<Filtered start={["logs"]} />);
    expect(rows()).toHaveLength(1);
    const run = screen.getByTestId<HTMLDetailsElement>("repeated-log");
    expect(run.textContent).toMatch(/× 6.*panic: config: PAYMENT_URL is not set.*first 09:01:00 · last 09:06:00 · checkout · checkout-7d9f8-abc12/);
    expect(screen.getByText(/repeated log lines folded into 1 row/)).toBeTruthy();
    expect(run.open).toBe(false);
    await userEvent.click(within(run).getByText(/× 6/));
    expect(run.open).toBe(true);
    expect(within(run).getAllByTestId("repeated-log-line")).toHaveLength(6);
  });

  it("says so when a picked kind has no entries, with a way back", async () => {
    render(<Filtered start={["guardrails"]} />);
    expect(screen.getByText(/No guardrails on this incident's timeline/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Show all kinds" }));
    expect(rows().length).toBeGreaterThan(1);
  });

  it("on a shared page folds the same lines but offers no control at all", () => {
    render(<TimelinePanel timeline={timeline} />);
    expect(screen.queryAllByRole("button")).toHaveLength(0);
    expect(screen.getAllByTestId("repeated-log")).toHaveLength(1);
  });

  it("says what will appear when there is nothing yet", () => {
    render(<TimelinePanel timeline={[]} />);
    expect(screen.getByText(/No timeline entries yet/)).toBeTruthy();
  });
});
