import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import { sloCardFixture as card } from "../slo/slo-card-fixture.ts";
import { SloStateFilter } from "./slo-state-filter.tsx";
import { SloTable } from "./slo-table.tsx";

const rowOf = (workload: string) => screen.getByRole("link", { name: `shop/${workload}` }).closest("tr")!;

describe("the SLO table", () => {
  it("shows a paging SLO with its badge, budget left and both burn rates, linking to its page and its service", () => {
    render(<SloTable slos={[card("a1", "checkout", { remaining: 0.625, alert: "page", burn1h: 14.4, burn6h: 6.1 })]} />);
    const row = within(rowOf("checkout"));
    expect(row.getByText("page").getAttribute("data-tone")).toBe("bad");
    expect(row.getByText("62.5 %")).toBeTruthy();
    expect(row.getByText("14.4×")).toBeTruthy();
    expect(row.getByText("6.1×")).toBeTruthy();
    expect(row.getByRole("link", { name: "availability" }).getAttribute("href")).toBe("/slos/a1");
    expect(row.getByRole("link", { name: "shop/checkout" }).getAttribute("href")).toBe("/services/prod%20eu/shop/Deployment/checkout");
    expect(row.getByText(/^99\.9 % of minutes with every desired replica available, over a rolling 30 days$/)).toBeTruthy();
  });

  it("names every state with the card's tones, and shows no figures for an SLO not evaluated yet", () => {
    render(
      <SloTable
        slos={[
          card("t", "cart", { remaining: 0.4, alert: "ticket", burn1h: 2, burn6h: 3 }),
          card("h", "search", { remaining: 0.9, alert: null, burn1h: 0, burn6h: 0.2 }),
          card("w", "ads", null),
        ]}
      />,
    );
    expect(within(rowOf("cart")).getByText("ticket").getAttribute("data-tone")).toBe("warn");
    expect(within(rowOf("search")).getByText("healthy").getAttribute("data-tone")).toBe("ok");
    const waiting = within(rowOf("ads"));
    expect(waiting.getByText("waiting for first evaluation")).toBeTruthy();
    expect(waiting.getAllByText("–")).toHaveLength(3);
  });

  it("says since when an SLO whose source fails has not been measured", () => {
    render(<SloTable slos={[card("f", "ledger", { remaining: 0.8, alert: null, burn1h: 0, burn6h: 0 }, { failing: "Prometheus answered 503" })]} />);
    const note = within(rowOf("ledger")).getByText("not measured since 2026-11-25 11:58 UTC");
    expect(note.getAttribute("title")).toBe("Prometheus answered 503");
  });

  it("shows no budget or burn for a PromQL SLO, which reports none", () => {
    render(<SloTable slos={[card("p", "gateway", { remaining: 1, alert: null, burn1h: 0, burn6h: 0 }, { indicator: "promql" })]} />);
    expect(within(rowOf("gateway")).getAllByTitle("A PromQL SLO reports no error budget or burn rate")).toHaveLength(3);
  });
});

describe("the SLO state filter", () => {
  it("counts every state, marks the chosen one, and links to each with the scope kept", () => {
    const scope = { ...EVERYTHING, namespaces: ["shop"] };
    render(<SloStateFilter scope={scope} counts={{ paging: 2, ticketing: 1, healthy: 1_199, waiting: 0 }} chosen="ticket" />);
    const nav = within(screen.getByRole("navigation", { name: "SLOs by state" }));
    expect(nav.getAllByRole("link").map((a) => a.textContent)).toEqual(["all 1,202", "page 2", "ticket 1", "healthy 1,199", "waiting for first evaluation 0"]);
    const ticket = nav.getByRole("link", { name: "ticket 1" });
    expect(ticket.getAttribute("aria-current")).toBe("true");
    expect(ticket.getAttribute("href")).toBe("/slos?ns=shop&alert=ticket");
    expect(nav.getByRole("link", { name: "all 1,202" }).getAttribute("href")).toBe("/slos?ns=shop");
  });
});
