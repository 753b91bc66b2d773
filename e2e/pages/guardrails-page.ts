import type { Locator, Page } from "@playwright/test";

// The guardrails page: every finding with its filters, the scores per namespace, a page at a time.
export class GuardrailsPage {
  constructor(readonly page: Page) {}

  total(): Locator {
    return this.page.getByTestId("findings-total");
  }

  async totalCount(): Promise<number> {
    return Number(/^(\d+)/.exec((await this.total().textContent()) ?? "")?.[1] ?? Number.NaN);
  }

  rows(): Locator {
    return this.page.getByTestId("guardrail-finding-row");
  }

  filters(): Locator {
    return this.page.getByRole("form", { name: "Filter findings" });
  }

  async filter(choices: Partial<Record<"cluster" | "namespace" | "check" | "severity", string>>) {
    for (const [label, value] of Object.entries(choices)) await this.filters().getByLabel(label, { exact: true }).selectOption(value);
    await this.filters().getByRole("button", { name: "Filter" }).click();
  }

  scores(): Locator {
    return this.page.getByTestId("guardrail-scores");
  }
}
