import { expect, type Locator, type Page } from "@playwright/test";

// The full lists as an SRE reads them: /slos (every SLO, filter links by state) and /rightsizing (every
// container's suggestions with the totals line). They are rendered per request, so finders reload.

export type SloListRow = { slo: string; workload: string; state: string; budget: number | null };

export class SloListPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId("slo-row");
  }

  row(workload: string, slo = "availability"): Locator {
    return this.rows().filter({ has: this.page.getByRole("link", { name: workload, exact: true }) }).filter({ has: this.page.getByRole("link", { name: slo, exact: true }) });
  }

  /** Each row as its cells read: the SLO, its workload, its state and the error budget left in percent (null: none shown). */
  async read(): Promise<SloListRow[]> {
    return this.rows().evaluateAll((rows) =>
      rows.map((r) => {
        const cells = [...r.querySelectorAll("td")].map((td) => td.textContent ?? "");
        const budget = /^(-?[\d.]+) %$/.exec(cells[5].trim());
        return { slo: cells[0], workload: cells[1], state: r.getAttribute("data-state") ?? "", budget: budget ? Number(budget[1]) : null };
      }),
    );
  }

  /** The download of every SLO's Prometheus rules. */
  rulesLink(): Locator {
    return this.page.getByTestId("slo-rules-all");
  }

  stateFilter(state: string): Locator {
    return this.page.getByRole("navigation", { name: "SLOs by state" }).locator(`a[data-filter="${state}"]`);
  }

  async stateCount(state: string): Promise<number> {
    return Number(((await this.stateFilter(state).locator("b").textContent()) ?? "").replace(/,/g, ""));
  }

  async eventually(check: () => Promise<void>, timeout = 150_000) {
    await expect(async () => {
      await this.page.reload();
      await check();
    }).toPass({ timeout, intervals: [1000, 2000, 5000] });
  }
}

export class RightsizingListPage {
  constructor(readonly page: Page) {}

  totals(): Locator {
    return this.page.getByTestId("rightsizing-totals");
  }

  rows(): Locator {
    return this.page.getByTestId("recommendation-row");
  }

  heldFilter(): Locator {
    return this.page.getByRole("navigation", { name: "Suggestions held or not" }).getByRole("link", { name: /^held/ });
  }
}

/** /incidents: every incident of the scope, a row each, with filter links by state and by severity. */
export class IncidentListPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId("incident-row");
  }

  stateFilter(state: "all" | "open" | "resolved"): Locator {
    return this.page.getByRole("navigation", { name: "Incidents by state" }).locator(`a[data-filter="${state}"]`);
  }

  async stateCount(state: "all" | "open" | "resolved"): Promise<number> {
    return Number(((await this.stateFilter(state).locator("b").textContent()) ?? "").replace(/,/g, ""));
  }
}
