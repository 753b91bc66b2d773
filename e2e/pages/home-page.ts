import { expect, type Locator, type Page } from "@playwright/test";

// The home page as a person reads it: the summary strip first (one row per cluster), the scope controls
// above it, then the panels. The demo cluster replays its history while the test runs, so finders wait.

export class HomePage {
  constructor(readonly page: Page) {}

  strip(): Locator {
    return this.page.getByTestId("summary-strip");
  }

  summaryRow(cluster: string): Locator {
    return this.page.locator(`[data-testid="summary-row"][data-cluster="${cluster}"]`);
  }

  panelHeading(name: string): Locator {
    return this.page.getByRole("heading", { name, level: 2, exact: true });
  }

  sloCards(): Locator {
    return this.page.getByTestId("slo-card");
  }

  /** The workload each SLO card is about, as "namespace/name" (its title). */
  async sloWorkloads(): Promise<string[]> {
    return this.sloCards().evaluateAll((cards) => cards.map((c) => c.querySelector("a")?.textContent ?? ""));
  }

  scope(): Locator {
    return this.page.getByRole("search", { name: "Scope" });
  }

  async toggleNamespace(namespace: string) {
    const list = this.page.getByTestId("scope-namespaces");
    if (!(await list.getAttribute("open"))) await list.locator("summary").click();
    await list.getByRole("checkbox", { name: namespace, exact: true }).click();
  }

  async chooseRange(label: string) {
    await this.scope().getByRole("combobox", { name: "Time range" }).selectOption({ label });
  }

  async showEverything() {
    await this.scope().getByRole("button", { name: "Show everything" }).click();
  }

  scopeProblems(): Locator {
    return this.page.getByTestId("scope-problems");
  }

  // Waits (the page refreshes itself every few seconds) until `check` passes.
  async eventually(check: () => Promise<void>, timeout = 150_000) {
    await expect(check).toPass({ timeout, intervals: [1000, 2000, 5000] });
  }
}
