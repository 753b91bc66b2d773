import { cleanup, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SloTable } from "../lists/slo-table.tsx";
import { SloCard } from "./slo-card.tsx";
import { sloCardFixture, type FixtureStatus } from "./slo-card-fixture.ts";

// A state badge as a person meets it: its words, its colour and what it says on hover.
const badge = (el: Element) => ({ words: el.textContent, tone: el.getAttribute("data-tone"), hover: el.getAttribute("title") });

function onCard(status: FixtureStatus) {
  render(<SloCard slo={sloCardFixture("c", "checkout", status)} />);
  const seen = [...within(screen.getByTestId("slo-card")).getByRole("link", { name: "shop/checkout" }).parentElement!.querySelectorAll("[data-tone]")].map(badge);
  cleanup();
  return seen;
}

function inList(status: FixtureStatus) {
  render(<SloTable slos={[sloCardFixture("c", "checkout", status)]} />);
  const seen = [...screen.getByTestId("slo-row").querySelectorAll("[data-tone]")].map(badge);
  cleanup();
  return seen;
}

describe("an SLO card's state", () => {
  it.each([
    ["paging", { remaining: 0.6, alert: "page", burn1h: 14.4, burn6h: 6 }, "page", "bad"],
    ["ticketing", { remaining: 0.7, alert: "ticket", burn1h: 2, burn6h: 3 }, "ticket", "warn"],
    ["healthy", { remaining: 0.95, alert: null, burn1h: 0.2, burn6h: 0.3 }, "healthy", "ok"],
    ["waiting", null, "waiting for first evaluation", "neutral"],
  ] as const)("reads as the /slos list words it for a %s SLO", (_, status, words, tone) => {
    const card = onCard(status);
    expect(card).toEqual([expect.objectContaining({ words, tone })]);
    expect(card).toEqual(inList(status));
  });

  it("still says why a failing source stopped the figures, beside its state", () => {
    render(<SloCard slo={sloCardFixture("f", "ledger", { remaining: 0.8, alert: null, burn1h: 0, burn6h: 0 }, { failing: "Prometheus answered 503" })} />);
    expect(screen.getByText("healthy")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toBe(
      "Not measured since 2026-11-25 11:58 UTC: Prometheus answered 503. The figures below stop at the last minute measured.",
    );
  });
});
