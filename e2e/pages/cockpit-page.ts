import { expect, type Locator, type Page } from "@playwright/test";

// The cockpit as an SRE reads it: one card per SLO, incident cards with timelines, the MTTR chart and
// the right-sizing table. The demo cluster replays its history while the test runs, so finders wait.

export class CockpitPage {
  constructor(readonly page: Page) {}

  sloCard(workload: string, slo = "availability"): Locator {
    return this.page.locator(`[data-testid="slo-card"][data-slo="${slo}"]`).filter({ hasText: workload });
  }

  // Error budget left, in percent, as the meter tells assistive technology.
  async budgetRemaining(workload: string): Promise<number> {
    const meter = this.sloCard(workload).getByRole("meter", { name: "Error budget remaining" });
    return Number(await meter.getAttribute("aria-valuenow"));
  }

  incidentCard(title: RegExp): Locator {
    return this.page.getByTestId("incident-card").filter({ hasText: title });
  }

  mttrPanel(): Locator {
    return this.page.locator("section", { has: this.page.getByRole("heading", { name: "MTTR trend" }) });
  }

  recommendationRows(): Locator {
    return this.page.getByTestId("recommendation-row");
  }

  // Waits (the page refreshes itself every few seconds) until `check` passes.
  async eventually(check: () => Promise<void>, timeout = 150_000) {
    await expect(check).toPass({ timeout, intervals: [1000, 2000, 5000] });
  }
}
