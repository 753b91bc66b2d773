import type { Locator, Page } from "@playwright/test";

// One SLO's page as an SRE reads it: the card, the budget's burn-down, a chart per burn-rate rule, the
// alerts those rules raised, and the measured minutes folded away a page at a time.
export class SloPage {
  constructor(readonly page: Page) {}

  /** The download of this SLO's Prometheus rules. */
  rulesLink(): Locator {
    return this.page.getByTestId("slo-rules");
  }

  /** The same rules as a PrometheusRule, for the Prometheus Operator. */
  operatorRulesLink(): Locator {
    return this.page.getByTestId("slo-rules-operator");
  }

  card(): Locator {
    return this.page.getByTestId("slo-card");
  }

  // The card's "12.3 % of the error budget left", as its text says it.
  async cardBudgetLeft(): Promise<string> {
    return (await this.card().locator("b").first().textContent()) ?? "";
  }

  burnDown(): Locator {
    return this.page.getByRole("figure", { name: "Error budget burn-down" });
  }

  // The burn-down's table equivalent, opened as a reader opens it (the table is drawn once opened).
  async openBurnDownTable(): Promise<void> {
    await this.burnDown().getByText(/: as a table$/).click();
  }

  // The burn-down's table equivalent (opened): its last measured row's "budget left".
  async burnDownLastLeft(): Promise<string> {
    const cells = await this.burnDown().locator("table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    return cells.filter((c) => c[1] !== "–").at(-1)?.[1] ?? "";
  }

  ruleCharts(): Locator {
    return this.page.getByRole("figure", { name: /^Burn rate, / });
  }

  alertHistory(): Locator {
    return this.page.locator("section", { has: this.page.getByRole("heading", { name: "Alert history" }) });
  }

  minutes(): Locator {
    return this.page.locator("details#minutes");
  }

  minutePages(): Locator {
    return this.page.getByRole("navigation", { name: "Pages of measured minutes" });
  }
}
